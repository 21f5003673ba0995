/**
 * The controlled clock and sleeper tests inject: time moves only when the library waits.
 */
package dev.telephony.testkit.time;
