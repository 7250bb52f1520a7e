/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.emulator;

import java.util.Objects;
import org.wabridge.core.jid.WaJid;

/**
 * One device of one account: the unit of "one live connection" and of offline queues. Interop accounts
 * are addressed {@code sub:device@interop} with the configured integrator number.
 */
public record DeviceAddress(String user, int device, boolean interop) {
    public DeviceAddress {
        Objects.requireNonNull(user, "user");
        if (device < 0 || device > 0xFFFF) {
            throw new IllegalArgumentException("device out of range: " + device);
        }
    }

    public WaJid jid(int integrator) {
        return interop ? WaJid.interop(user, device, integrator) : WaJid.of(user, device, WaJid.USER_SERVER);
    }
}
