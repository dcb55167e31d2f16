package org.openencoder.accounts;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Accounts ({@code openencoder.accounts.*}).
 *
 * @param adminEmail {@code OPENENCODER_ADMIN_EMAIL}: the account with this email becomes an
 *     administrator when it verifies its address (bootstrapping the first administrator)
 * @param baseUrl the site's public URL for links in emails ({@code OPENENCODER_BASE_URL}); unset,
 *     links use the URL of the request. Set it in production so that a forged Host header cannot
 *     point a reset link elsewhere.
 * @param mailFrom the sender of account emails
 * @param verificationTtl how long an email verification link works
 * @param resetTtl how long a password reset link works
 * @param loginFailures failed logins for one email within {@code loginWindow} before login is
 *     refused until the window ends (OWASP Authentication Cheat Sheet, "Login Throttling")
 * @param loginWindow the window of the login throttle
 * @param minPasswordLength NIST SP 800-63B 5.1.1.2: at least 8; we ask for more
 */
@ConfigurationProperties("openencoder.accounts")
public record AccountProperties(
    String adminEmail,
    String baseUrl,
    @DefaultValue("OpenEncoder <no-reply@openencoder.invalid>") String mailFrom,
    @DefaultValue("P1D") Duration verificationTtl,
    @DefaultValue("PT1H") Duration resetTtl,
    @DefaultValue("5") int loginFailures,
    @DefaultValue("PT15M") Duration loginWindow,
    @DefaultValue("10") int minPasswordLength) {}
