/**
 * The Medicare Code Editor's code lists by version: age, manifestation, principal-diagnosis edits.
 */
package org.openencoder.mce;
