-- SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire
-- Schema version 1 of the WhatsApp plugin (postgresql). Openfire runs this file when the ofVersion row
-- 'whatsapp' is missing (plugin.xml: databaseKey whatsapp, databaseVersion 1).

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
);
CREATE UNIQUE INDEX ofWaRegistration_phone_idx ON ofWaRegistration (phone);

INSERT INTO ofVersion (name, version) VALUES ('whatsapp', 1);
