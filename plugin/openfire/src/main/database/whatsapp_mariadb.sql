-- SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire
-- Schema version 2 of the WhatsApp plugin (mariadb). Openfire runs this file when the ofVersion row
-- 'whatsapp' is missing (plugin.xml: databaseKey whatsapp, databaseVersion 2).

-- One row per Openfire user who linked a WhatsApp account: the phone number, which version of the consent
-- text the user accepted and when (milliseconds since the epoch), and the link state
-- (e.g. PENDING, LINKED, LOGGED_OUT).
CREATE TABLE ofWaRegistration (
  username        VARCHAR(64)  NOT NULL,
  phone           VARCHAR(32)  NOT NULL,
  consentVersion  VARCHAR(32)  NOT NULL,
  consentTime     BIGINT       NOT NULL,
  state           VARCHAR(20)  NOT NULL,
  created         BIGINT       NOT NULL,
  CONSTRAINT ofWaRegistration_pk PRIMARY KEY (username)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE UNIQUE INDEX ofWaRegistration_phone_idx ON ofWaRegistration (phone);

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

INSERT INTO ofVersion (name, version) VALUES ('whatsapp', 2);
