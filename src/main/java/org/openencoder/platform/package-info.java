/** Runs what every module stands on: the home folder and the database (embedded or external). */
package org.openencoder.platform;
