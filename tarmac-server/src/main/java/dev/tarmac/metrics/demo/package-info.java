/** Made-up delivery events for the demo organisation, so its DORA dashboards have history. */
package dev.tarmac.metrics.demo;
