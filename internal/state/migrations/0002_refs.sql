-- Thread links as rows: every Message-ID a stored message names in
-- In-Reply-To or References, so thread lookups in either direction use an
-- index instead of scanning the text of every message.
CREATE TABLE message_refs (
	ref     TEXT NOT NULL,
	message INTEGER NOT NULL REFERENCES messages(id),
	PRIMARY KEY (ref, message)
) WITHOUT ROWID;
CREATE INDEX message_refs_message ON message_refs(message);

INSERT OR IGNORE INTO message_refs(ref, message)
WITH RECURSIVE split(message, ref, rest) AS (
	SELECT id, '', ltrim(in_reply_to || ' ' || refs) FROM messages
	UNION ALL
	SELECT message,
		CASE WHEN instr(rest, ' ') > 0 THEN substr(rest, 1, instr(rest, ' ') - 1) ELSE rest END,
		CASE WHEN instr(rest, ' ') > 0 THEN ltrim(substr(rest, instr(rest, ' ') + 1)) ELSE '' END
	FROM split WHERE rest != ''
)
SELECT ref, message FROM split WHERE ref != '';

-- Sync asks, for nearly every message, whether its sender is a known contact.
CREATE INDEX messages_from ON messages(from_addr) WHERE from_addr != '';
