/** NCCI edit tables by release: MUE and add-on code edits; PTP comes later. */
package org.openencoder.ncci;
