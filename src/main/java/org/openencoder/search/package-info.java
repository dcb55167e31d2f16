/** Finds codes from a code, keywords or a typo, over the active releases. */
package org.openencoder.search;
