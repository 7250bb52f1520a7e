-- SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire
-- Upgrade of the WhatsApp plugin schema from version 1 to 2 (mariadb). Openfire runs this file when the
-- ofVersion row 'whatsapp' holds 1 and plugin.xml says databaseVersion 2.

-- gwmsg: message ledger. One row per bridged message: the XMPP stanza id and the WhatsApp message id,
-- direction (OUT = XMPP user to WhatsApp, IN = WhatsApp to XMPP user), the WhatsApp chat address (peer),
-- the state (QUEUED, SENT, SERVER_ACKED, DELIVERED, READ, FAILED), a failure reason without message content,
-- and created/updated times in milliseconds since the epoch. The primary key deduplicates WhatsApp messages.
CREATE TABLE ofWaMessage (
  username   VARCHAR(64)   NOT NULL,
  direction  VARCHAR(3)    NOT NULL,
  peer       VARCHAR(128)  NOT NULL,
  waId       VARCHAR(128)  NOT NULL,
  xmppId     VARCHAR(255)  NOT NULL,
  state      VARCHAR(16)   NOT NULL,
  detail     VARCHAR(255),
  created    BIGINT        NOT NULL,
  updated    BIGINT        NOT NULL,
  CONSTRAINT ofWaMessage_pk PRIMARY KEY (username, direction, peer, waId)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX ofWaMessage_xmpp_idx ON ofWaMessage (username, xmppId);
-- gwmsg: end

UPDATE ofVersion SET version = 2 WHERE name = 'whatsapp';
