/**
 * Alianza's v2 API as a telephony provider: {@link dev.telephony.alianza.AlianzaProvider}, its
 * factory ({@code alianza}) and {@link dev.telephony.alianza.AlianzaExtensions}.
 *
 * <p>The contract is Alianza's phone number management guide (its endpoints under
 * {@code /v2/partition/{partitionId}/telephone-number/…} and its payloads). Alianza's public OpenAPI
 * ("Alianza Public API" v2) fills in what the guide leaves out: the log-in, the error body and the
 * carrier statuses. Every answer is checked for the shape these documents give it before it is used
 * (see {@code AlianzaAnswers}); anything else is a {@link dev.telephony.api.error.ProtocolException}.
 *
 * <h2>What the library assumes where Alianza's documents are silent</h2>
 * <ul>
 *   <li><b>Log-in.</b> No token lifetime is published: a 401 on a request is taken to mean the token
 *       expired, and with a username and password the provider logs in once more and repeats the
 *       request once. A write that spends or releases money is never repeated after a log-in made
 *       inside its send: it logs in beforehand, and a write refused with 401 is sent again only after a
 *       log-in outside the send. A log-in refused with 400, 401, 403 or 404 (the OpenAPI lists 400,
 *       401 and 404) is an {@link dev.telephony.api.error.AuthenticationException}.</li>
 *   <li><b>Errors.</b> Error bodies are the OpenAPI's {@code PublicApiException}
 *       ({@code {status, messages[], data}}); its messages are the exception's message. Which message
 *       is an error code is not documented: a message that is a single identifier
 *       ({@code TelephoneNumberNotAvailable}) is taken as the code. The keys of {@code data} are taken
 *       to name the fields a 400 or 422 is about, and its {@code telephoneNumber…} entries the numbers.
 *       Neither document says how an order for a number that cannot be had is refused: a 400, 409 or
 *       422 to an order whose messages say the number is not available, not in inventory, in use,
 *       already taken or unavailable is {@link dev.telephony.api.error.NumberNotAvailableException}.
 *       No request-id header is documented: {@code X-Request-Id} or {@code Request-Id} is carried
 *       when an answer has one (a gateway's, say). No rate limit is documented: a 429 is honoured with
 *       its {@code Retry-After} like any provider's.</li>
 *   <li><b>Required fields.</b> No document marks a field required. A field counts as required when
 *       every example of the answer in the guide carries it and the library cannot do its work
 *       without it: {@code telephoneNumbers} of a search, {@code telephoneNumber} of each listed or
 *       offered number, {@code telephoneNumber}, {@code accountId} and {@code status} of a number's
 *       details, {@code orderId} and {@code status} of an order, {@code portRequestId},
 *       {@code status}, {@code telephoneNumbers} and {@code requestedDate} of a port request,
 *       {@code portable} of a portability check and {@code authToken} of a log-in. A successful answer
 *       that carries {@code error}, {@code errors} or {@code messages} is an error body, whatever its
 *       status.</li>
 *   <li><b>Search.</b> The guide's {@code quantity} maximum (100) bounds a search. A result's type is
 *       the number's own (toll-free by the guide's prefixes 800, 888, 877, 866, 855, 844, 833, else
 *       local); results that do not match the search, or that the answer marks
 *       {@code "available": false}, are left out. Alianza reports no per-number features: its numbers
 *       are voice lines and carry {@code VOICE}. {@code state} is sent only with {@code rateCenter}.</li>
 *   <li><b>Orders.</b> The guide shows an order answered {@code COMPLETED} at once. That it may also
 *       answer {@code PENDING}, and that {@code GET …/telephone-number/order/{orderId}} reads an order
 *       back, are assumptions; so are the statuses besides {@code COMPLETED} (pending, failed and
 *       cancelled ones), the line statuses besides {@code ACTIVE} (pending ones and the OpenAPI's
 *       activation statuses), a failed line's {@code reason} and an order's {@code message}. When a
 *       finished order's answer does not say what became of a number it was asked for, the number's own
 *       record decides. Local numbers go in orders of at most 100, as the guide's bulk advice has it;
 *       toll-free numbers one per order, as the toll-free order body names one number. A pending order
 *       is looked at again after {@code Retry-After}, or 5 seconds.</li>
 *   <li><b>Numbers' records.</b> A number is the account's when its details name this account and its
 *       status is not one of the OpenAPI's statuses of a number that left (or is not yet on) an
 *       account: {@code DELETED}, {@code DELETE_PENDING}, {@code COOLDOWN}, {@code INVENTORY},
 *       {@code INVENTORY_CLAIMED}, or {@code AVAILABLE}; a 404 means it is not. A status of
 *       {@code PENDING}, {@code ACTIVATION_PENDING}, {@code ACTIVATION_ON_HOLD} or
 *       {@code PORT_PENDING} is a number still on order. After a release the number's record is taken
 *       to say one of these (or to be gone).</li>
 *   <li><b>The account's numbers.</b> The guide's list is one array of every number, and neither
 *       document pages it: the library asks for it once per walk, without paging parameters, keeps
 *       each number once in the order of its E.164 form, and serves pages of the caller's size itself.
 *       A continuation token is the last number of a page; resuming lists the numbers after it from a
 *       fresh answer. A listed number without a status is taken to be active; one whose status says it
 *       left the account is left out.</li>
 *   <li><b>Number configuration.</b> The answer to {@code PUT …/telephone-number/{telephoneNumber}} is
 *       not shown: a body is read as the number's details, no body means the number is read back.</li>
 *   <li><b>Assignments.</b> A number's details name its assignment with {@code assignedTo} and
 *       {@code assignmentType} (as the guide's list does); a device line's {@code lineNumber}, and the
 *       types {@code DEVICE_LINE} and {@code CALL_QUEUE}, are assumed. Only the end user's unassign path
 *       is in the guide: the others append the number to the assignment path the same way. A number
 *       that is assigned is not released unless asked to unassign it first, as the guide's
 *       "remove all assignments first" advises.</li>
 *   <li><b>Porting.</b> Listing an account's ports with {@code GET …/telephone-number/port?accountId=},
 *       a port's {@code rejectionReason}, and a portability check's {@code reason} are assumed; a
 *       port's {@code focDate} and {@code completedDate} are the OpenAPI's names. A port is cancelled
 *       only while {@code PENDING} ("only before carrier approval"), is looked at again after
 *       {@code Retry-After} or 30 seconds (the guide's example), and is requested at least 7 days
 *       ahead ("minimum 7 days").</li>
 *   <li><b>Dates.</b> Instants are ISO-8601 ({@code 2025-12-18T10:30:00Z}) and dates
 *       {@code yyyy-MM-dd}, as in the guide's examples; anything else is not the documented shape.</li>
 *   <li><b>E911.</b> The registered name is the OpenAPI's {@code businessName} of the address, else
 *       the directory listing's name; addresses are US only.</li>
 * </ul>
 */
package dev.telephony.alianza;
