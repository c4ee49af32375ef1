/** The portal's page controllers, one per area, returning jte views. */
package dev.tarmac.portal.web;
