/** The site around the modules: layout, home page, error pages and HTTP security. */
package org.openencoder.web;
