/**
 * The LaML (Twilio-compatible) API as a telephony provider: SignalWire's compatibility API
 * ({@code /api/laml/2010-04-01}) and Twilio's ({@code /2010-04-01}), one implementation.
 *
 * <h2>Where the library assumes what the documents do not say</h2>
 * The documents are SignalWire's compatibility reference, Twilio's OpenAPI for 2010-04-01 (which the
 * tests hold the simulator and the provider's requests to) and SignalWire's recorded traffic. Where they
 * are silent or disagree, the library chooses as follows.
 * <ul>
 *   <li><b>Sids.</b> SignalWire's AccountSid and number sids are UUIDs (its reference gives
 *       {@code format: "uuid"}), Twilio's {@code AC…} and {@code PN…}; otherwise SignalWire's paths,
 *       parameters and objects are taken to mirror Twilio's, plus the fields SignalWire's reference adds
 *       ({@code account_id}, {@code country_code}, {@code verification_status}).</li>
 *   <li><b>Request ids.</b> Twilio answers {@code Twilio-Request-Id}; SignalWire documents none, and the
 *       library reads {@code X-Request-Id} (or the other names the HTTP layer knows) where an answer has
 *       one. Every exception built from an answer carries its status, code, message and request id.</li>
 *   <li><b>Errors by operation and status first.</b> A code only refines a 400 or 422 within the
 *       operation it belongs to. A 409 to a release is the post-purchase cool-down, whatever code it
 *       carries (SignalWire documents the 409, not its code): a {@code ConflictException} that says so.
 *       On a purchase, codes 21422 and 21452 (SignalWire's answer for a number it cannot sell) and any
 *       other 400, 404 or 422 mean the number is not for sale, since it was checked as E.164 before
 *       sending; 21401 is an invalid number; 4001 is insufficient funds on any operation.</li>
 *   <li><b>Error bodies with a success status.</b> A body with {@code code} and {@code message},
 *       {@code more_info} or {@code errors} is Twilio's {@code RestException} or SignalWire's other error
 *       shape, and is a {@code ProtocolException} whatever the status says.</li>
 *   <li><b>Required parts of answers.</b> A list page must have its array and {@code next_page_uri}
 *       (null on the last page; Twilio's schema and SignalWire's paging guide both show it on every page);
 *       a search answer its {@code available_phone_numbers}; a number its {@code sid},
 *       {@code phone_number} (E.164), {@code capabilities} (an object of true or false) and
 *       {@code date_created} (RFC 2822, also with a spelled-out month such as {@code Sept}, as SignalWire's
 *       example writes it). Anything else is a {@code ProtocolException}, never an empty result.</li>
 *   <li><b>Next-page links.</b> Only the path and query of {@code next_page_uri} are followed, on the
 *       configured host, and only while the path stays this account's {@code IncomingPhoneNumbers.json}.</li>
 *   <li><b>The type of an available number.</b> The item has no type, and SignalWire's recorded
 *       {@code TollFree.json?AreaCode=310} answered geographic numbers. A North American number is
 *       toll-free for the area codes 800, 833, 844, 855, 866, 877 and 888, else local, or mobile when the
 *       answer's {@code uri} says it is the {@code Mobile} list (North American mobile numbers look like any
 *       other). Elsewhere libphonenumber's type of the number decides (toll-free, mobile, fixed line),
 *       and the answer's list only where libphonenumber knows nothing more definite, never to make a
 *       number toll-free. Results that do not match the search (type, country, area code, digits, and
 *       region or locality where the item names them) are dropped and counted in an INFO log line.</li>
 *   <li><b>The type of an owned number.</b> Twilio's {@code type} where the answer has one
 *       ({@code local}, {@code mobile}, {@code tollfree} or {@code toll-free}; its document shows only
 *       {@code local}); otherwise, as SignalWire's answer has none, the number decides as above.</li>
 *   <li><b>Capability names.</b> Read in any case: SignalWire's recorded answers write {@code SMS} and
 *       {@code MMS}, Twilio's schema {@code sms} and {@code mms}. An unknown name is left out.</li>
 *   <li><b>Capability filters.</b> SignalWire accepts {@code SmsEnabled} and the like but ignores them:
 *       the library sends them and applies them to the results itself.</li>
 *   <li><b>Looking up one number.</b> {@code PhoneNumber=} may match partial numbers, so {@code get} and
 *       every reconciling read ask {@code PhoneNumber=<E.164>} with the API's default page size, keep only
 *       the exact number and follow {@code next_page_uri} if there is more.</li>
 *   <li><b>Clearing a URL.</b> An update sends an empty value ({@code VoiceFallbackUrl=}) to clear a URL
 *       set earlier, as Twilio's clients do; neither document says so.</li>
 *   <li><b>What a purchase answered.</b> The answer must describe the number asked for; one naming another
 *       number is a {@code ProtocolException}, after which the account is read as for any lost answer.</li>
 * </ul>
 */
package dev.telephony.compat;
