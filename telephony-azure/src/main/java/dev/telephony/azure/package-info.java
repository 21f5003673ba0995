/**
 * Azure Communication Services phone numbers and SIP routing, through the Azure SDK 1.1.6
 * ({@link dev.telephony.azure.AzureProvider}).
 *
 * <h2>How the SDK is used</h2>
 * Regions, get, list and SIP routing go through the SDK's clients. The writes that start Azure's
 * long-running operations (search, purchase, release, capability update) are sent through the SDK's own
 * HTTP pipeline (the same HMAC signing) rather than its {@code begin…} methods, because those poll the
 * operation inside the call: a failed poll could not be told from a refused write, so a purchase could
 * be sent twice, and their waits run on the real clock with a time-out per gap between polls. The
 * library polls {@code GET /phoneNumbers/operations/{id}} itself, on the injected clock, against one
 * deadline for the whole wait.
 *
 * <p>Browse and reservations (api-version 2025-04-01) are not in SDK 1.1.6: they go through the same
 * pipeline, by {@code AzureResources}. A search without {@code holdResults} is a browse (a random sample,
 * held for no one); with it, Azure's search (held 15 minutes). Reservations are the provider's
 * {@link dev.telephony.api.NumberHolds}; buying offers of a browse reserves exactly those numbers and buys
 * the reservation.
 *
 * <h2>What the library assumes where Azure's documents are silent</h2>
 * <ul>
 *   <li><b>Reservations.</b> An answer to a reservation's create, change or read must carry its
 *       {@code id} (the one asked for), a documented {@code status} and {@code expiresAt}, and its
 *       {@code phoneNumbers} map; each entry its {@code phoneNumber} (filed under its digits),
 *       {@code countryCode}, {@code phoneNumberType}, {@code assignmentType}, {@code capabilities} and
 *       {@code status}. The definition marks most of these read-only rather than required; an answer
 *       without them could not say what is held. A number of an {@code expired} reservation is taken as
 *       expired whatever its entry says. A change or delete of a reservation that is not active, and a
 *       change of an unknown id (which Azure's PATCH would create), are refused after reading the
 *       reservation, before the PATCH. A number Azure could not reserve is in the answer with
 *       {@code status: error} and its {@code error}, whether the answer is 200, 201 or 207; a hold of which
 *       none of the numbers asked was reserved is deleted and refused as not available.</li>
 *   <li><b>A reservation's purchase</b> buys the numbers whose entry is {@code reserved}; an accepted
 *       purchase turns the reservation {@code submitted} at once, and {@code completed} when done, its
 *       entries {@code purchased} or {@code error}. After a lost answer, a reservation still
 *       {@code active} or {@code expired} (and none of its numbers on the account) is taken as not bought,
 *       so the purchase may be sent again; {@code submitted} or {@code completed} as bought or being bought.
 *       A reservation Azure no longer knows right after being asked to buy it is a protocol error, so the
 *       outcome is unknown. The purchase sends {@code agreeToNotResell: true} only when the caller agreed;
 *       an entry with {@code isAgreementToNotResellRequired: true} is refused before the purchase without
 *       it, and Azure's own refusal (a 400) is an {@code InvalidRequestException} in Azure's words.</li>
 *   <li><b>Browse.</b> The area code is sent as a prefix with the country's calling code ({@code 1212});
 *       capabilities are sent only when features are asked ({@code none} for a feature not asked, as the
 *       browse's capabilities are a minimum). An entry whose status is not {@code available} is not on
 *       offer and is left out, as is one that does not match the search. Bare numbers to hold are looked up
 *       by a browse with the numbers themselves as prefixes (geographic, then toll-free).</li>
 *   <li><b>Mobile numbers</b> (api-version 2025-06-01) are not offered: SEARCH_MOBILE would need the
 *       newer version for the browse, the reservations and the search alike, whose documents (the
 *       {@code mobile} type and what it requires of a reservation) are not among those this library was
 *       built against; an answer naming a mobile number at 2025-04-01 is a protocol error.</li>
 *   <li><b>api-version.</b> Requests carry {@code api-version=2022-12-01}, the version SDK 1.1.6 sends
 *       whatever its service-version setting says.</li>
 *   <li><b>A purchase buys a search whole.</b> Azure's purchase names a search, not numbers; an operation
 *       that {@code succeeded} is taken to have bought every number the search held, and one that
 *       {@code failed} to have bought none. Nothing says a purchase can succeed in part.</li>
 *   <li><b>After a lost purchase answer.</b> A search result Azure no longer returns (404) is taken as
 *       bought or being bought, so its numbers count as claimed and the order is followed on the
 *       account's numbers; the documents say only that a purchased search is no longer held. If the
 *       numbers never show, the order is FAILED 30 minutes after the hold ended (an expired search
 *       also answers 404).</li>
 *   <li><b>Operations are kept for a while.</b> When Azure answers 404 for a purchase operation it was
 *       following, the account's numbers decide the order. An operation Azure forgets while a search,
 *       release or capability update is being followed is a protocol error.</li>
 *   <li><b>Operation statuses</b> are {@code notStarted}, {@code running}, {@code succeeded} and
 *       {@code failed}, compared without regard to case; any other status is a protocol error, never
 *       "still running".</li>
 *   <li><b>"Not owned by this resource".</b> Azure's recordings show {@code 403 InsufficientPermissions}
 *       "Phone number not owned by this resource." for a capability update of a number the resource does
 *       not own. The library reads a 403 whose message says "not owned" as "this account does not own
 *       the number" ({@code NumberNotFoundException}, or an empty {@code get}) for every request about
 *       one number (get, capability update, release); any other 403 is a permission error.</li>
 *   <li><b>nextLink</b> may be a path relative to the endpoint or an absolute URL on the endpoint's host
 *       (the specification says only "the URL to get the next set of results"; Azure's other links are
 *       relative). A link to any other host or scheme is a protocol error, so a signed request never
 *       leaves the resource.</li>
 *   <li><b>Required fields.</b> A {@code PurchasedPhoneNumber} must carry {@code id}, {@code phoneNumber},
 *       {@code phoneNumberType} and {@code capabilities.calling}/{@code sms}; a search result
 *       {@code searchId} (the one asked for), {@code phoneNumbers}, {@code phoneNumberType},
 *       {@code capabilities} and {@code searchExpiresBy}; an operation {@code status}. Cost and purchase
 *       date are read when present. A number that is not E.164, a type other than {@code geographic},
 *       {@code tollFree} or {@code mobile}, or a capability other than Azure's four, is a protocol
 *       error.</li>
 *   <li><b>Search results that do not match the search</b> (another type, another area code) are
 *       dropped whole and logged: Azure sells a search whole, so offering part of it would buy the rest
 *       unseen.</li>
 *   <li><b>Writes sent again.</b> A search is POSTed again only after Azure answered 429 or 5xx (taken
 *       as "not acted on"), never after a lost answer, which may have started a search that holds
 *       numbers for 15 minutes. A capability update carries the wanted state, so it is sent again like a
 *       read. Purchases and releases go through {@code Reconciliation}: never sent again blindly.</li>
 *   <li><b>Accepted means 202 with an {@code operation-id}.</b> Any other answer to a purchase or a
 *       release (a 200, a 202 without the header) is not the documented shape: a protocol error, which
 *       for a purchase or a release is reconciled like a lost answer.</li>
 *   <li><b>After a lost release answer</b> a number the account still lists is taken as not released, as
 *       for every provider. Azure releases in a long-running operation, and its documents do not say how
 *       soon a released number leaves the list.</li>
 *   <li><b>Failed operations.</b> A search, release or capability update whose operation {@code failed}
 *       is a {@code ConflictException} carrying Azure's code and message (a failed release is confirmed
 *       on the account first: a number gone is released). The documents do not list the reasons.</li>
 *   <li><b>Errors.</b> Azure's words come from the {@code CommunicationErrorResponse} body; a code
 *       containing "quota" or "limit" (on a 4xx other than 429) is a quota error, since Azure publishes no
 *       list of codes. The request id is {@code x-ms-request-id}, else {@code MS-CV} (what Azure's
 *       recorded answers carry), else {@code X-Azure-Ref}, else the client request id the library sent.
 *       No {@code Retry-After} is documented; one sent ({@code Retry-After}, {@code retry-after-ms},
 *       {@code x-ms-retry-after-ms}) is honoured within the retry policy.</li>
 *   <li><b>JSON only.</b> An answer with a body whose {@code Content-Type} is not JSON (an HTML error
 *       page, XML) is refused before the SDK reads it: the SDK would look for an XML reader it does not
 *       have and never return. Its status keeps its meaning (a 503 page is an outage); a 200 in another
 *       format is a protocol error. A body without a {@code Content-Type} is read as JSON.</li>
 *   <li><b>Documented shapes.</b> The SDK reads answers leniently (a 200 without its list reads as an
 *       empty list, a missing field as null), so every successful answer the library reads is checked
 *       in the pipeline first, against the 2022-12-01 definitions: the fields they list as required, of
 *       their types, and present optional ones of theirs. Where a definition lists nothing required
 *       (countries, localities, offerings, the SIP configuration) the list itself, and the SIP
 *       configuration's trunks and routes, are still required, as every published answer carries them;
 *       an area code entry must carry its areaCode. Anything else is a protocol error, never an empty
 *       result. A page naming a number twice, a search result holding more numbers than the quantity
 *       asked, and an operation or search answer about another id are protocol errors too.</li>
 * </ul>
 */
package dev.telephony.azure;
