-- SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire
-- Signal state of bridged accounts (wa-store-jdbc), PostgreSQL. Every table is keyed by the owning account, so all
-- bridged users share the tables. Byte columns hold opaque records written by the Signal adapter.

CREATE TABLE ofWaSignalAccount (
  account             VARCHAR(255)      NOT NULL,
  identityKeyPair     BYTEA,
  registrationId      INTEGER,
  nextPreKeyId        INTEGER           NOT NULL,
  nextSignedPreKeyId  INTEGER           NOT NULL,
  nextKyberPreKeyId   INTEGER           NOT NULL,
  lockVersion         BIGINT            NOT NULL,
  CONSTRAINT ofWaSignalAccount_pk PRIMARY KEY (account)
);

CREATE TABLE ofWaPeerIdentity (
  account             VARCHAR(255)      NOT NULL,
  peerName            VARCHAR(255)      NOT NULL,
  deviceId            INTEGER           NOT NULL,
  identityKey         BYTEA             NOT NULL,
  CONSTRAINT ofWaPeerIdentity_pk PRIMARY KEY (account, peerName, deviceId)
);

CREATE TABLE ofWaPreKey (
  account             VARCHAR(255)      NOT NULL,
  keyId               INTEGER           NOT NULL,
  recordData          BYTEA             NOT NULL,
  CONSTRAINT ofWaPreKey_pk PRIMARY KEY (account, keyId)
);

CREATE TABLE ofWaSignedPreKey (
  account             VARCHAR(255)      NOT NULL,
  keyId               INTEGER           NOT NULL,
  recordData          BYTEA             NOT NULL,
  CONSTRAINT ofWaSignedPreKey_pk PRIMARY KEY (account, keyId)
);

CREATE TABLE ofWaKyberPreKey (
  account             VARCHAR(255)      NOT NULL,
  keyId               INTEGER           NOT NULL,
  recordData          BYTEA             NOT NULL,
  lastResort          INTEGER           NOT NULL,
  CONSTRAINT ofWaKyberPreKey_pk PRIMARY KEY (account, keyId)
);

CREATE TABLE ofWaSession (
  account             VARCHAR(255)      NOT NULL,
  peerName            VARCHAR(255)      NOT NULL,
  deviceId            INTEGER           NOT NULL,
  recordData          BYTEA             NOT NULL,
  CONSTRAINT ofWaSession_pk PRIMARY KEY (account, peerName, deviceId)
);

CREATE TABLE ofWaSenderKey (
  account             VARCHAR(255)      NOT NULL,
  groupId             VARCHAR(255)      NOT NULL,
  senderName          VARCHAR(255)      NOT NULL,
  senderDeviceId      INTEGER           NOT NULL,
  recordData          BYTEA             NOT NULL,
  CONSTRAINT ofWaSenderKey_pk PRIMARY KEY (account, groupId, senderName, senderDeviceId)
);

-- The gateway's JWT signing keys (ProviderKeyRing): the private key column holds AES-GCM ciphertext when the
-- store is wrapped in SealingProviderKeyStore (as in Openfire); times are epoch milliseconds.
CREATE TABLE ofWaProviderKey (
  kid                 VARCHAR(100)      NOT NULL,
  algorithm           VARCHAR(16)       NOT NULL,
  createdAt           BIGINT            NOT NULL,
  retiredAt           BIGINT,
  publicKey           BYTEA             NOT NULL,
  privateKey          BYTEA             NOT NULL,
  CONSTRAINT ofWaProviderKey_pk PRIMARY KEY (kid)
);

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
  plaintext           BYTEA              NOT NULL,
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
  plaintext           BYTEA              NOT NULL,
  receivedAt          BIGINT             NOT NULL,
  CONSTRAINT ofWaPendingInbound_pk PRIMARY KEY (account, msgKey)
);
