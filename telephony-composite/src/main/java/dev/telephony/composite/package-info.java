/**
 * Several carriers as one provider, registered as {@code composite}: searches fanned out to the members
 * that can apply every filter, each purchase routed to the carrier that offered the number, one inventory
 * across members. {@link dev.telephony.composite.CompositeExtension} reaches the full search answer and
 * the members.
 */
package dev.telephony.composite;
