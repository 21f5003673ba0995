package dev.telephony.compat;

import dev.telephony.api.spi.ConfigKey;
import java.util.List;

/** The SPI entry {@code twilio}: the same LaML implementation against {@code https://api.twilio.com/2010-04-01}. */
public final class TwilioProviderFactory extends LamlProviderFactory {
    /** The name it is registered and chosen by. */
    static final String NAME = "twilio";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    LamlFlavor flavor() {
        return LamlFlavor.TWILIO;
    }

    @Override
    LamlProvider.Builder builder() {
        return LamlProvider.twilio();
    }

    @Override
    public String description() {
        return "Twilio's API (https://api.twilio.com/2010-04-01) through the shared LaML implementation";
    }

    @Override
    public List<ConfigKey> configKeys() {
        return commonKeys("the Account SID (AC…)", "the auth token");
    }
}
