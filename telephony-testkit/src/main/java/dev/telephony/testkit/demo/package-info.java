/**
 * The lifecycle demo the README names: search, purchase, await, update, list and release on the
 * in-memory provider.
 */
package dev.telephony.testkit.demo;
