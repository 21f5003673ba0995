/**
 * SignalWire's REST API ({@code /api/relay/rest/phone_numbers}) as a telephony provider.
 *
 * <h2>Where the library assumes what SignalWire's documents do not say</h2>
 * Each of these is a choice made where the published schema, the API notes and the recorded traffic are
 * silent; each is tested against the simulator, which answers in the documented shapes.
 * <ul>
 *   <li><b>Request ids.</b> SignalWire documents no request-id header. The library reads the first of
 *       {@code X-Request-Id}, {@code Request-Id} and {@code X-SignalWire-Request-Id} that an answer carries
 *       and puts it on every exception built from that answer; the simulator sends {@code X-Request-Id}.</li>
 *   <li><b>A refused purchase.</b> The purchase documents 422 ("failed validation") with
 *       {@code {"errors":[{code,title,detail,status}]}} but not why. Since the number was checked as E.164
 *       before sending, a 400, 404 or 422 answer to a purchase is taken to mean the number is not for sale
 *       ({@code NumberNotAvailableException}, carrying SignalWire's status, code, detail and request id).</li>
 *   <li><b>Field names in validation errors.</b> The documented error item names no field; where an item
 *       has an {@code attribute} (other SignalWire APIs add one) it names the field, else the field is
 *       {@code request}.</li>
 *   <li><b>Error bodies with status 200.</b> A successful answer whose body has an {@code error} or
 *       {@code errors} member is taken for an error, and is a {@code ProtocolException}.</li>
 *   <li><b>Required parts of list answers.</b> A list page must have its {@code data} array and its
 *       {@code links} object; {@code links.next} absent, null or blank ends the list. A search answer must
 *       have {@code data}; its {@code links} are not needed. Anything else is a {@code ProtocolException},
 *       never an empty list, because a look-up that reconciles a lost purchase answer reads the same way.</li>
 *   <li><b>Next-page links.</b> Only the path and query of {@code links.next} are followed, on the
 *       configured host, and only while the path stays {@code /api/relay/rest/phone_numbers}.</li>
 *   <li><b>The type of a search result.</b> Neither documented item shape carries a type. A result's type
 *       is its {@code number_type} where it has one, else the number's: toll-free for the NANP toll-free
 *       area codes 800, 833, 844, 855, 866, 877 and 888, local otherwise (SignalWire sells North American
 *       numbers only). Results that do not match the search's type, area code or digit pattern, or the
 *       region or city where the item names one, are dropped and counted in an INFO log line.</li>
 *   <li><b>The country of a search result.</b> The current item shape has no {@code country_code}; a North
 *       American result without one is taken for a US number.</li>
 *   <li><b>Capabilities.</b> A capability name the library does not know is left out (SignalWire may add
 *       some); a value of the wrong type (not a name, not true or false) is refused.</li>
 *   <li><b>Looking up one number.</b> {@code filter_number} is documented as a substring match, so
 *       {@code get} and every reconciling read ask {@code filter_number=<E.164>} with SignalWire's default
 *       page size, keep only the exact number, and follow {@code links.next} if the answer has more pages.</li>
 *   <li><b>What a purchase answered.</b> The purchase's answer must describe the number asked for; one that
 *       names another number is a {@code ProtocolException}, after which the account is read as for any lost
 *       answer. The owned numbers an order returns are those answers (or the reconciling read's, or the
 *       rename's).</li>
 *   <li><b>Names.</b> The purchase takes no name, so a name is given by a {@code PUT} after the purchase;
 *       if that fails the number is still bought and the order says so in its details.</li>
 *   <li><b>Dates.</b> {@code created_at} is required and read as an ISO-8601 date-time with an offset.</li>
 * </ul>
 */
package dev.telephony.signalwire;
