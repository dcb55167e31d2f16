/** NCCI edit tables by release: MUE, add-on code and procedure-to-procedure (PTP) edits. */
package org.openencoder.ncci;
