-- Applications: one per (company, role) the user applied to.
CREATE TABLE applications (
	id            INTEGER PRIMARY KEY,
	company       TEXT NOT NULL DEFAULT '',
	company_key   TEXT NOT NULL DEFAULT '',
	domain        TEXT NOT NULL DEFAULT '',
	role          TEXT NOT NULL DEFAULT '',
	role_key      TEXT NOT NULL DEFAULT '',
	created_at    TEXT NOT NULL,
	-- The user's corrections; inference never writes these columns.
	override      TEXT NOT NULL DEFAULT '',
	override_at   TEXT NOT NULL DEFAULT '',
	ignored       INTEGER NOT NULL DEFAULT 0,
	snoozed_until TEXT NOT NULL DEFAULT '',
	merged_into   INTEGER REFERENCES applications(id)
);
CREATE INDEX applications_company ON applications(company_key);
CREATE INDEX applications_domain ON applications(domain) WHERE domain != '';

-- Identities that must keep pointing at an application after a merge.
CREATE TABLE app_aliases (
	company_key TEXT NOT NULL,
	role_key    TEXT NOT NULL,
	app_id      INTEGER NOT NULL REFERENCES applications(id),
	PRIMARY KEY (company_key, role_key)
);

-- Messages worth remembering: everything the user sent, and every message
-- about an application. Keyed by Message-ID so a message in several folders
-- is one message.
CREATE TABLE messages (
	id            INTEGER PRIMARY KEY,
	key           TEXT NOT NULL UNIQUE,
	message_id    TEXT NOT NULL DEFAULT '',
	in_reply_to   TEXT NOT NULL DEFAULT '',
	refs          TEXT NOT NULL DEFAULT '',
	date          TEXT NOT NULL,
	date_unix     INTEGER NOT NULL,
	from_addr     TEXT NOT NULL DEFAULT '',
	from_name     TEXT NOT NULL DEFAULT '',
	to_json       TEXT NOT NULL DEFAULT '[]',
	cc_json       TEXT NOT NULL DEFAULT '[]',
	reply_to_json TEXT NOT NULL DEFAULT '[]',
	subject       TEXT NOT NULL DEFAULT '',
	outbound      INTEGER NOT NULL DEFAULT 0,
	category      TEXT NOT NULL DEFAULT '',
	confidence    REAL NOT NULL DEFAULT 0,
	review        INTEGER NOT NULL DEFAULT 0,
	timeline      TEXT NOT NULL DEFAULT '',
	no_follow_up  INTEGER NOT NULL DEFAULT 0,
	interview_at  TEXT NOT NULL DEFAULT '',
	interview_end TEXT NOT NULL DEFAULT '',
	return_date   TEXT NOT NULL DEFAULT '',
	evidence_json TEXT NOT NULL DEFAULT '[]',
	company       TEXT NOT NULL DEFAULT '',
	company_key   TEXT NOT NULL DEFAULT '',
	role          TEXT NOT NULL DEFAULT '',
	role_key      TEXT NOT NULL DEFAULT '',
	sender_domain TEXT NOT NULL DEFAULT '',
	app_id        INTEGER REFERENCES applications(id),
	stored_at     TEXT NOT NULL
);
CREATE INDEX messages_message_id ON messages(message_id) WHERE message_id != '';
CREATE INDEX messages_app ON messages(app_id);

-- Where each stored message lives on the server.
CREATE TABLE locations (
	mailbox     TEXT NOT NULL,
	uidvalidity INTEGER NOT NULL,
	uid         INTEGER NOT NULL,
	message     INTEGER NOT NULL REFERENCES messages(id),
	PRIMARY KEY (mailbox, uidvalidity, uid)
);

-- How far each mailbox has been read.
CREATE TABLE cursors (
	mailbox        TEXT PRIMARY KEY,
	uidvalidity    INTEGER NOT NULL,
	last_uid       INTEGER NOT NULL,
	highest_modseq INTEGER NOT NULL DEFAULT 0,
	messages_seen  INTEGER NOT NULL DEFAULT 0,
	updated_at     TEXT NOT NULL
);

-- Messages that could not be read, with the reason.
CREATE TABLE skipped (
	mailbox     TEXT NOT NULL,
	uidvalidity INTEGER NOT NULL,
	uid         INTEGER NOT NULL,
	reason      TEXT NOT NULL,
	at          TEXT NOT NULL,
	PRIMARY KEY (mailbox, uidvalidity, uid)
);

-- The user's corrections, as a log.
CREATE TABLE corrections (
	id     INTEGER PRIMARY KEY,
	app_id INTEGER NOT NULL,
	action TEXT NOT NULL,
	value  TEXT NOT NULL DEFAULT '',
	at     TEXT NOT NULL
);

-- Digests delivered.
CREATE TABLE digests (
	day     TEXT PRIMARY KEY,
	sent_at TEXT NOT NULL,
	via     TEXT NOT NULL
);

-- Drafts inboxwatch wrote into the Drafts folder.
CREATE TABLE drafts (
	suggestion  TEXT PRIMARY KEY,
	app_id      INTEGER NOT NULL,
	mailbox     TEXT NOT NULL,
	uidvalidity INTEGER NOT NULL,
	uid         INTEGER NOT NULL,
	message_id  TEXT NOT NULL,
	hash        TEXT NOT NULL,
	created_at  TEXT NOT NULL
);
