package dev.telephony.alianza.internal;

import java.util.List;

/** {@code GET …/telephone-number/search} and {@code …/search/tollfree}: the numbers on offer. */
public record SearchResult(List<Item> telephoneNumbers) {
    public SearchResult {
        telephoneNumbers = telephoneNumbers == null ? List.of() : telephoneNumbers;
    }

    /** One number on offer, with the exchange data that locates it. */
    public record Item(String telephoneNumber, String formatted, String npa, String nxx, String line, String rateCenter,
                       String state, String lata, Boolean available) {
    }
}
