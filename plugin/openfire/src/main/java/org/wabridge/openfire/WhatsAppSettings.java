/* SPDX-License-Identifier: AGPL-3.0-or-later — WhatsApp bridge for Openfire */
package org.wabridge.openfire;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.jivesoftware.util.JiveGlobals;
import org.wabridge.core.client.LifecycleMode;
import org.wabridge.openfire.engine.EngineEndpoint;
import org.wabridge.openfire.registration.RegistrationPolicy;
import org.wabridge.openfire.registration.RegistrationRules;

/**
 * The one place that declares every {@code plugin.whatsapp.*} Openfire property: key, type, default and
 * bounds. An instance is an immutable snapshot; {@link SettingsListener} triggers a fresh snapshot when an
 * administrator changes one of the keys. Properties are read through {@link JiveGlobals} (not
 * {@code SystemProperty}, which Openfire 4.2.0 lacks).
 *
 * <p>An invalid stored value never stops the gateway: the default is used instead and the key is listed in
 * {@link #invalidKeys()}, which the admin status page shows.
 */
public final class WhatsAppSettings {

    /** Prefix shared by every key of this plugin. */
    public static final String PREFIX = "plugin.whatsapp.";

    /**
     * Subdomain of the gateway component: the gateway is reachable at {@code <subdomain>.<xmpp domain>}.
     * A lower-case DNS label: 1 to 63 characters out of {@code a-z}, {@code 0-9} and {@code -}, not starting
     * or ending with {@code -}. Default {@value #DEFAULT_SUBDOMAIN}. Changing it re-registers the component.
     */
    public static final String SUBDOMAIN = PREFIX + "subdomain";
    public static final String DEFAULT_SUBDOMAIN = "whatsapp";

    /**
     * Name of the gateway in service discovery (the disco#info identity name), 1 to 64 characters after
     * trimming. Default {@value #DEFAULT_GATEWAY_NAME}.
     */
    public static final String GATEWAY_NAME = PREFIX + "gateway.name";
    public static final String DEFAULT_GATEWAY_NAME = "WhatsApp";

    /**
     * Worker threads of the gateway component's stanza pool, {@value #MIN_COMPONENT_THREADS} to
     * {@value #MAX_COMPONENT_THREADS}. Default {@value #DEFAULT_COMPONENT_THREADS}.
     */
    public static final String COMPONENT_THREADS = PREFIX + "component.threads";
    public static final int DEFAULT_COMPONENT_THREADS = 8;
    public static final int MIN_COMPONENT_THREADS = 1;
    public static final int MAX_COMPONENT_THREADS = 64;

    /**
     * Stanzas the gateway component may queue before it answers new requests with an error,
     * {@value #MIN_COMPONENT_QUEUE} to {@value #MAX_COMPONENT_QUEUE}. Default {@value #DEFAULT_COMPONENT_QUEUE}.
     */
    public static final String COMPONENT_QUEUE = PREFIX + "component.queue";
    public static final int DEFAULT_COMPONENT_QUEUE = 1000;
    public static final int MIN_COMPONENT_QUEUE = 16;
    public static final int MAX_COMPONENT_QUEUE = 100_000;

    /**
     * Who may register with the gateway: {@code open} (every local user), {@code groups} (members of the
     * groups in {@value #REGISTRATION_GROUPS}) or {@code approval} (registrations wait for an administrator).
     * Default {@code open}. Changing it re-registers the component.
     */
    public static final String REGISTRATION_POLICY = PREFIX + "registration.policy";
    public static final RegistrationPolicy DEFAULT_REGISTRATION_POLICY = RegistrationPolicy.OPEN;

    /**
     * Comma-separated Openfire group names whose members may register under the {@code groups} policy.
     * Default empty (then nobody may register under that policy).
     */
    public static final String REGISTRATION_GROUPS = PREFIX + "registration.groups";

    /**
     * gwmsg: when a user's WhatsApp session runs: {@code follow-client} (default; open while at least one XMPP
     * client of the user is online, closed within a second after the last one leaves, as WhatsApp's Reference
     * Offer asks) or {@code always-on} (private deployments: open as long as the user is registered).
     */
    public static final String LIFECYCLE = PREFIX + "lifecycle";
    public static final LifecycleMode DEFAULT_LIFECYCLE = LifecycleMode.FOLLOW_CLIENT;

    /**
     * gwmsg: how long after sending a message its author may still correct it (XEP-0308 → WhatsApp edit), in
     * minutes, {@value #MIN_EDIT_WINDOW_MINUTES} to {@value #MAX_EDIT_WINDOW_MINUTES}. Default
     * {@value #DEFAULT_EDIT_WINDOW_MINUTES}: WhatsApp's help centre says messages can be edited "up to 15 minutes
     * after sending" (faq.whatsapp.com, "How to edit messages"; WhatsApp blog "Edit messages", 2023-05-22).
     * Older corrections are refused with a text instead of being silently ignored by WhatsApp.
     */
    public static final String EDIT_WINDOW_MINUTES = PREFIX + "edit.window.minutes";
    public static final int DEFAULT_EDIT_WINDOW_MINUTES = 15;
    public static final int MIN_EDIT_WINDOW_MINUTES = 1;
    public static final int MAX_EDIT_WINDOW_MINUTES = 7 * 24 * 60;

    /**
     * gwmsg: how long after sending a message its author may still delete it for everyone (XEP-0424 → WhatsApp
     * revoke), in minutes. Default {@value #DEFAULT_REVOKE_WINDOW_MINUTES} (2 days and 12 hours): WhatsApp's
     * help centre gives "about 2 days" ("How to delete messages", faq.whatsapp.com; the limit was raised to
     * 2 days and 12 hours in August 2022 per WhatsApp's announcement). Bounds as for the edit window.
     */
    public static final String REVOKE_WINDOW_MINUTES = PREFIX + "revoke.window.minutes";
    public static final int DEFAULT_REVOKE_WINDOW_MINUTES = 60 * 60;

    /**
     * gwmsg: {@code true} holds messages from WhatsApp users the XMPP user has never chatted with until the
     * user accepts the contact (by writing to it or adding it to the roster); {@code false} (default) delivers
     * them at once with a one-time notice.
     */
    public static final String FIRST_CONTACT_QUARANTINE = PREFIX + "firstcontact.quarantine";

    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    private static final int MAX_GATEWAY_NAME = 64;

    private final String subdomain;
    private final String gatewayName;
    private final int componentThreads;
    private final int componentQueue;
    private final RegistrationRules registrationRules;
    private final List<String> invalidKeys;
    private final LifecycleMode lifecycle;
    private final int editWindowMinutes;
    private final int revokeWindowMinutes;
    private final boolean firstContactQuarantine;
    private final EngineEndpoint engine;

    private WhatsAppSettings(Function<String, String> source) {
        List<String> invalid = new ArrayList<>();
        this.subdomain = readSubdomain(source, invalid);
        this.gatewayName = readGatewayName(source, invalid);
        this.componentThreads = readInt(source, COMPONENT_THREADS, DEFAULT_COMPONENT_THREADS,
                MIN_COMPONENT_THREADS, MAX_COMPONENT_THREADS, invalid);
        this.componentQueue = readInt(source, COMPONENT_QUEUE, DEFAULT_COMPONENT_QUEUE,
                MIN_COMPONENT_QUEUE, MAX_COMPONENT_QUEUE, invalid);
        this.registrationRules = new RegistrationRules(readPolicy(source, invalid), readGroups(source));
        this.lifecycle = readLifecycle(source, invalid);
        this.editWindowMinutes = readInt(source, EDIT_WINDOW_MINUTES, DEFAULT_EDIT_WINDOW_MINUTES,
                MIN_EDIT_WINDOW_MINUTES, MAX_EDIT_WINDOW_MINUTES, invalid);
        this.revokeWindowMinutes = readInt(source, REVOKE_WINDOW_MINUTES, DEFAULT_REVOKE_WINDOW_MINUTES,
                MIN_EDIT_WINDOW_MINUTES, MAX_EDIT_WINDOW_MINUTES, invalid);
        this.firstContactQuarantine = readBoolean(source, FIRST_CONTACT_QUARANTINE, invalid);
        this.engine = EngineEndpoint.from(source, invalid); // wire: its keys are declared there
        this.invalidKeys = List.copyOf(invalid);
    }

    /** Reads the current values from Openfire's properties. */
    public static WhatsAppSettings fromOpenfire() {
        return from(JiveGlobals::getProperty);
    }

    /**
     * Reads the values from any key-to-value source (a missing key maps to {@code null}).
     *
     * @param source returns the raw stored value of a key, or null
     * @return a validated snapshot
     */
    public static WhatsAppSettings from(Function<String, String> source) {
        return new WhatsAppSettings(Objects.requireNonNull(source, "source"));
    }

    /** @return true if the property key belongs to this plugin */
    public static boolean isOwnKey(String key) {
        return key != null && key.startsWith(PREFIX);
    }

    public String subdomain() {
        return subdomain;
    }

    public String gatewayName() {
        return gatewayName;
    }

    public int componentThreads() {
        return componentThreads;
    }

    public int componentQueue() {
        return componentQueue;
    }

    /** @return the registration policy and its groups */
    public RegistrationRules registrationRules() {
        return registrationRules;
    }

    /** @return when users' WhatsApp sessions run */
    public LifecycleMode lifecycle() {
        return lifecycle;
    }

    /** @return how long a sent message may be corrected */
    public Duration editWindow() {
        return Duration.ofMinutes(editWindowMinutes);
    }

    /** @return how long a sent message may be deleted for everyone */
    public Duration revokeWindow() {
        return Duration.ofMinutes(revokeWindowMinutes);
    }

    /** @return true if messages from unknown WhatsApp users wait for the user's acceptance */
    public boolean firstContactQuarantine() {
        return firstContactQuarantine;
    }

    /** @return where and how the WhatsApp engine connects ({@code plugin.whatsapp.endpoint*}) */
    public EngineEndpoint engine() {
        return engine;
    }

    /** @return keys whose stored value was rejected and replaced by the default, in declaration order */
    public List<String> invalidKeys() {
        return invalidKeys;
    }

    /** @return true if the gateway component must be registered again to apply {@code other} */
    public boolean componentDiffers(WhatsAppSettings other) {
        return !subdomain.equals(other.subdomain) || !gatewayName.equals(other.gatewayName)
                || componentThreads != other.componentThreads || componentQueue != other.componentQueue
                || !registrationRules.equals(other.registrationRules);
    }

    private static String readSubdomain(Function<String, String> source, List<String> invalid) {
        String raw = source.apply(SUBDOMAIN);
        if (raw == null || raw.isBlank()) {
            return DEFAULT_SUBDOMAIN;
        }
        String value = raw.trim().toLowerCase(Locale.ROOT);
        if (!DNS_LABEL.matcher(value).matches()) {
            invalid.add(SUBDOMAIN);
            return DEFAULT_SUBDOMAIN;
        }
        return value;
    }

    private static LifecycleMode readLifecycle(Function<String, String> source, List<String> invalid) {
        String raw = source.apply(LIFECYCLE);
        if (raw == null || raw.isBlank()) {
            return DEFAULT_LIFECYCLE;
        }
        switch (raw.trim().toLowerCase(Locale.ROOT)) {
            case "follow-client":
                return LifecycleMode.FOLLOW_CLIENT;
            case "always-on":
                return LifecycleMode.ALWAYS_ON;
            default:
                invalid.add(LIFECYCLE);
                return DEFAULT_LIFECYCLE;
        }
    }

    private static boolean readBoolean(Function<String, String> source, String key, List<String> invalid) {
        String raw = source.apply(key);
        if (raw == null || raw.isBlank()) {
            return false;
        }
        String value = raw.trim().toLowerCase(Locale.ROOT);
        if (!value.equals("true") && !value.equals("false")) {
            invalid.add(key);
            return false;
        }
        return value.equals("true");
    }

    private static RegistrationPolicy readPolicy(Function<String, String> source, List<String> invalid) {
        String raw = source.apply(REGISTRATION_POLICY);
        if (raw == null || raw.isBlank()) {
            return DEFAULT_REGISTRATION_POLICY;
        }
        try {
            return RegistrationPolicy.valueOf(raw.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            invalid.add(REGISTRATION_POLICY);
            return DEFAULT_REGISTRATION_POLICY;
        }
    }

    private static Set<String> readGroups(Function<String, String> source) {
        String raw = source.apply(REGISTRATION_GROUPS);
        Set<String> groups = new TreeSet<>();
        if (raw != null) {
            for (String name : raw.split(",")) {
                if (!name.isBlank()) {
                    groups.add(name.trim());
                }
            }
        }
        return groups;
    }

    private static String readGatewayName(Function<String, String> source, List<String> invalid) {
        String raw = source.apply(GATEWAY_NAME);
        if (raw == null || raw.isBlank()) {
            return DEFAULT_GATEWAY_NAME;
        }
        String value = raw.trim();
        if (value.length() > MAX_GATEWAY_NAME) {
            invalid.add(GATEWAY_NAME);
            return DEFAULT_GATEWAY_NAME;
        }
        return value;
    }

    private static int readInt(Function<String, String> source, String key, int fallback, int min, int max,
                               List<String> invalid) {
        String raw = source.apply(key);
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(raw.trim());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported through invalidKeys below
        }
        invalid.add(key);
        return fallback;
    }

    @Override
    public String toString() {
        return "WhatsAppSettings[subdomain=" + subdomain + ", gatewayName=" + gatewayName
                + ", componentThreads=" + componentThreads + ", componentQueue=" + componentQueue
                + ", registrationRules=" + registrationRules + ", invalidKeys=" + invalidKeys + "]";
    }
}
