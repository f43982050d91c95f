package org.ordo.platform.security;

/** What happened, in the security audit log ({@link SecurityAuditLog}). */
public enum SecurityEventKind {
    USER_CREATED,
    USER_DISABLED,
    USER_ENABLED,
    USER_ROLE_CHANGED,
    USER_PASSWORD_RESET,
    /** a wrong user name or password at the login form */
    LOGIN_FAILED,
    /** a login refused without looking at the password, because of too many failures (see LoginThrottle) */
    LOGIN_THROTTLED,
    API_KEY_ISSUED,
    API_KEY_REVOKED,
    /** a setting changed at run time */
    SETTING_CHANGED,
    /** an inbound webhook refused: bad or missing signature, stale timestamp, an amount that does not fit */
    WEBHOOK_REJECTED,
    /** taking away the last admin access was refused (the no-lockout rule) */
    LOCKOUT_REFUSED
}
