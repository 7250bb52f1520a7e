-- SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire
-- Upgrade of the WhatsApp plugin schema from version 1 to 2 (mysql). Openfire runs this file once when the
-- ofVersion row 'whatsapp' says 1 and plugin.xml says databaseVersion 2.

-- gwextra: provider signing keys, Signal state, per-user WhatsApp block list (schema version 2) ----------------

-- The gateway's JWT signing keys (ProviderKeyRing, wa-store-jdbc JdbcProviderKeyStore). privateKey holds
-- AES-256-GCM ciphertext (SealingProviderKeyStore); the key-encryption key is an encrypted Openfire property.
-- Times are milliseconds since the epoch; retiredAt is NULL for the current key.
CREATE TABLE ofWaProviderKey (
  kid                 VARCHAR(100)       NOT NULL,
  algorithm           VARCHAR(16)        NOT NULL,
  createdAt           BIGINT             NOT NULL,
  retiredAt           BIGINT,
  publicKey           VARBINARY(4096)    NOT NULL,
  privateKey          VARBINARY(8192)    NOT NULL,
  CONSTRAINT ofWaProviderKey_pk PRIMARY KEY (kid)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- Signal protocol state of each bridged account (wa-store-jdbc JdbcSignalStores); byte columns hold opaque
-- records written by the Signal adapter. Every table is keyed by the owning account.
CREATE TABLE ofWaSignalAccount (
  account             VARCHAR(255)       NOT NULL,
  identityKeyPair     VARBINARY(1024),
  registrationId      INTEGER,
  nextPreKeyId        INTEGER            NOT NULL,
  nextSignedPreKeyId  INTEGER            NOT NULL,
  nextKyberPreKeyId   INTEGER            NOT NULL,
  lockVersion         BIGINT             NOT NULL,
  CONSTRAINT ofWaSignalAccount_pk PRIMARY KEY (account)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE ofWaPeerIdentity (
  account             VARCHAR(255)       NOT NULL,
  peerName            VARCHAR(255)       NOT NULL,
  deviceId            INTEGER            NOT NULL,
  identityKey         VARBINARY(64)      NOT NULL,
  CONSTRAINT ofWaPeerIdentity_pk PRIMARY KEY (account, peerName, deviceId)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE ofWaPreKey (
  account             VARCHAR(255)       NOT NULL,
  keyId               INTEGER            NOT NULL,
  recordData          VARBINARY(4096)    NOT NULL,
  CONSTRAINT ofWaPreKey_pk PRIMARY KEY (account, keyId)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE ofWaSignedPreKey (
  account             VARCHAR(255)       NOT NULL,
  keyId               INTEGER            NOT NULL,
  recordData          VARBINARY(4096)    NOT NULL,
  CONSTRAINT ofWaSignedPreKey_pk PRIMARY KEY (account, keyId)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE ofWaKyberPreKey (
  account             VARCHAR(255)       NOT NULL,
  keyId               INTEGER            NOT NULL,
  recordData          MEDIUMBLOB         NOT NULL,
  lastResort          INTEGER            NOT NULL,
  CONSTRAINT ofWaKyberPreKey_pk PRIMARY KEY (account, keyId)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE ofWaSession (
  account             VARCHAR(255)       NOT NULL,
  peerName            VARCHAR(255)       NOT NULL,
  deviceId            INTEGER            NOT NULL,
  recordData          MEDIUMBLOB         NOT NULL,
  CONSTRAINT ofWaSession_pk PRIMARY KEY (account, peerName, deviceId)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE ofWaSenderKey (
  account             VARCHAR(255)       NOT NULL,
  groupId             VARCHAR(255)       NOT NULL,
  senderName          VARCHAR(255)       NOT NULL,
  senderDeviceId      INTEGER            NOT NULL,
  recordData          MEDIUMBLOB         NOT NULL,
  CONSTRAINT ofWaSenderKey_pk PRIMARY KEY (account, groupId, senderName, senderDeviceId)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- WhatsApp numbers (E.164, e.g. +4915112345678) an Openfire user blocked through the gateway (XEP-0191 or
-- the block command), so the state survives restarts and can be re-sent to WhatsApp after a reconnect.
CREATE TABLE ofWaBlock (
  username            VARCHAR(64)        NOT NULL,
  phone               VARCHAR(32)        NOT NULL,
  created             BIGINT             NOT NULL,
  CONSTRAINT ofWaBlock_pk PRIMARY KEY (username, phone)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
-- Messages each bridged account sent recently (wa-store-jdbc JdbcRecentSentStore), kept so a WhatsApp retry
-- receipt can be answered by re-encrypting the same message after a restart. plaintext is the serialized
-- message (it holds the text); rows are bounded per account and the oldest are deleted first. sentAt is
-- milliseconds since the epoch; seq orders rows with the same sentAt.
CREATE TABLE ofWaRecentSent (
  account             VARCHAR(255)       NOT NULL,
  messageId           VARCHAR(128)       NOT NULL,
  chatJid             VARCHAR(255)       NOT NULL,
  stanzaType          VARCHAR(32)        NOT NULL,
  editAttr            VARCHAR(16),
  plaintext           MEDIUMBLOB         NOT NULL,
  sentAt              BIGINT             NOT NULL,
  seq                 BIGINT             NOT NULL,
  CONSTRAINT ofWaRecentSent_pk PRIMARY KEY (account, messageId)
);
CREATE INDEX ofWaRecentSent_age_idx ON ofWaRecentSent (account, sentAt, seq);
-- Received messages decrypted but not yet confirmed by the gateway (wa-store-jdbc JdbcPendingInboundStore):
-- WhatsApp redelivers them after a restart, when the Signal session can no longer decrypt them, so this copy is
-- what reaches the user. plaintext holds the message; a row lives only until the handoff succeeds. msgKey is
-- the sender's address and the stanza id; receivedAt is milliseconds since the epoch.
CREATE TABLE ofWaPendingInbound (
  account             VARCHAR(255)       NOT NULL,
  msgKey              VARCHAR(400)       NOT NULL,
  messageId           VARCHAR(128)       NOT NULL,
  chatJid             VARCHAR(255)       NOT NULL,
  plaintext           MEDIUMBLOB         NOT NULL,
  receivedAt          BIGINT             NOT NULL,
  CONSTRAINT ofWaPendingInbound_pk PRIMARY KEY (account, msgKey)
);
-- gwextra: end ---------------------------------------------------------------------------------------------------

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
