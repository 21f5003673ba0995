package dev.telephony.testkit.contract;

import dev.telephony.api.Capability;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Runs a contract test only when the provider declares every one of these capabilities. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface RequiresCapability {
    Capability[] value();
}
