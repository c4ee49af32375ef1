/**
 * The tiny kernel every module may use: settings, JSON, ids, time and reading from allowed hosts.
 */
@org.springframework.modulith.ApplicationModule(
    type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package dev.tarmac.shared;
