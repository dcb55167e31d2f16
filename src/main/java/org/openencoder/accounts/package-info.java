/**
 * Accounts, plans and metered access: members register and verify their email, log in, reset their
 * password; each plan allows a number of code-page views per period, counted in PostgreSQL.
 */
package org.openencoder.accounts;
