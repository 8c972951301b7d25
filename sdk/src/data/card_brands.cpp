// The card brand table: data only. Detection order and IIN patterns follow braintree's
// credit-card-type 10.x so results match card-validator; rupay and dankort are payref additions.
//
// Where payref's additions overlap an older, broader pattern (Maestro's 500000–508999 covers
// Dankort's 5019xx and RuPay's 5085xx–5089xx), the six-digit tie is broken by order: rupay and
// dankort come before maestro. RuPay's 60/65 ranges are more specific than Discover's "65"
// prefix, so a longer match wins there. See docs/validation.md, "Brands".
#include "payref/card.hpp"

namespace payref {
namespace {

using R = IinRange;
constexpr R one(std::uint32_t prefix) { return {prefix, prefix}; }

constexpr std::uint8_t k4_8_12[] = {4, 8, 12};
constexpr std::uint8_t k4_10[] = {4, 10};

constexpr R visa_patterns[] = {one(4)};
constexpr std::uint8_t visa_lengths[] = {16, 18, 19};

constexpr R mastercard_patterns[] = {{51, 55}, {2221, 2229}, {223, 229}, {23, 26}, {270, 271}, one(2720)};
constexpr std::uint8_t len16[] = {16};

constexpr R amex_patterns[] = {one(34), one(37)};
constexpr std::uint8_t amex_lengths[] = {15};

constexpr R diners_patterns[] = {{300, 305}, one(36), one(38), one(39)};
constexpr std::uint8_t diners_lengths[] = {14, 16, 19};

constexpr R discover_patterns[] = {one(6011), {644, 649}, one(65)};
constexpr std::uint8_t discover_lengths[] = {16, 19};

constexpr R troy_patterns[] = {
    one(9792), one(650052), {650082, 650083}, one(650092), one(650161), one(650170),
    one(650173), one(650175), one(650268), one(650271), {650273, 650274}, {650456, 650457},
    one(650836), {650846, 650850}, one(650923), one(650987), one(650990), one(654997),
    one(657366), one(657998), one(658758), {658767, 658768}, {65083700, 65083704},
    {65085800, 65085804}, {65085900, 65085901}, one(65086000), {65086100, 65086105},
    {65086200, 65086203}, {65875000, 65875003}, one(65875009), {65875101, 65875104},
    one(65875200), one(65875501), one(65875601), one(65875900), {65876000, 65876002},
    {65876100, 65876103}, one(65876110), {65876115, 65876116}, {65876200, 65876201},
    one(65876500), {65876504, 65876505}, {65876600, 65876602}, {65877100, 65877101},
    {65877600, 65877602}, one(65877700), {65877801, 65877802}, {65878200, 65878202},
    {65878300, 65878311}, {65878400, 65878405}, {65878500, 65878505}, {65878600, 65878601},
    one(65879800), one(65880800), one(65880900)};

constexpr R jcb_patterns[] = {one(2131), one(1800), {3528, 3589}};
constexpr std::uint8_t jcb_lengths[] = {16, 17, 18, 19};

constexpr R unionpay_patterns[] = {
    one(620), {62100, 62182}, {62184, 62187}, {62185, 62197}, {62200, 62205},
    {622010, 622999}, one(622018), {62207, 62209}, {623, 626}, one(6270), one(6272),
    one(6276), {627700, 627779}, {627781, 627799}, {6282, 6289}, one(6291), one(6292),
    one(810), {8110, 8131}, {8132, 8151}, {8152, 8163}, {8164, 8171}};
constexpr std::uint8_t unionpay_lengths[] = {14, 15, 16, 17, 18, 19};

constexpr R naranja_patterns[] = {one(589562), one(402918), one(527572)};

constexpr R verve_patterns[] = {
    {506099, 506127}, one(506129), {506133, 506150}, {506158, 506163}, one(506166),
    one(506168), one(506170), one(506173), {506176, 506180}, one(506184), {506187, 506188},
    one(506191), one(506195), one(506197), one(507865), one(507866), {507868, 507877},
    {507880, 507888}, one(507900), one(507941)};
constexpr std::uint8_t verve_lengths[] = {16, 18, 19};

// RuPay (NPCI): the published domestic BIN blocks.
constexpr R rupay_patterns[] = {{508500, 508999}, {606985, 607984}, {608001, 608500}, {652150, 653149}};

// Dankort (Denmark): 5019 xx. Six digits so that it ties with, and precedes, Maestro's range.
constexpr R dankort_patterns[] = {{501900, 501999}};

constexpr R maestro_patterns[] = {one(493698), {500000, 504174}, {504176, 506698}, {506779, 508999},
                                  {56, 59}, one(63), one(67), one(6)};
constexpr std::uint8_t maestro_lengths[] = {12, 13, 14, 15, 16, 17, 18, 19};

constexpr R elo_patterns[] = {
    one(401178), one(401179), one(438935), one(457631), one(457632), one(431274), one(451416),
    one(457393), one(504175), {506699, 506778}, {509000, 509999}, one(627780), one(636297),
    one(636368), {650031, 650033}, {650035, 650051}, {650405, 650439}, {650485, 650538},
    {650541, 650598}, {650700, 650718}, {650720, 650727}, {650901, 650978}, {651652, 651679},
    {655000, 655019}, {655021, 655058}};

constexpr R mir_patterns[] = {{2200, 2204}};
constexpr std::uint8_t mir_lengths[] = {16, 17, 18, 19};

constexpr R hiper_patterns[] = {one(637095), one(63737423), one(63743358), one(637568),
                                one(637599), one(637609), one(637612)};
constexpr R hipercard_patterns[] = {one(606282)};

constexpr CardBrand kBrands[] = {
    {"visa", "Visa", visa_patterns, k4_8_12, visa_lengths, {"CVV", 3}},
    {"mastercard", "Mastercard", mastercard_patterns, k4_8_12, len16, {"CVC", 3}},
    {"american-express", "American Express", amex_patterns, k4_10, amex_lengths, {"CID", 4}},
    {"diners-club", "Diners Club", diners_patterns, k4_10, diners_lengths, {"CVV", 3}},
    {"discover", "Discover", discover_patterns, k4_8_12, discover_lengths, {"CID", 3}},
    {"troy", "Troy", troy_patterns, k4_8_12, len16, {"CVV", 3}},
    {"jcb", "JCB", jcb_patterns, k4_8_12, jcb_lengths, {"CVV", 3}},
    {"unionpay", "UnionPay", unionpay_patterns, k4_8_12, unionpay_lengths, {"CVN", 3}},
    {"naranja", "Naranja", naranja_patterns, k4_8_12, len16, {"CVV", 3}},
    {"verve", "Verve", verve_patterns, k4_8_12, verve_lengths, {"CVV", 3}},
    {"rupay", "RuPay", rupay_patterns, k4_8_12, len16, {"CVV", 3}},
    {"dankort", "Dankort", dankort_patterns, k4_8_12, len16, {"CVV", 3}},
    {"maestro", "Maestro", maestro_patterns, k4_8_12, maestro_lengths, {"CVC", 3}},
    {"elo", "Elo", elo_patterns, k4_8_12, len16, {"CVE", 3}},
    {"mir", "Mir", mir_patterns, k4_8_12, mir_lengths, {"CVP2", 3}},
    {"hiper", "Hiper", hiper_patterns, k4_8_12, len16, {"CVC", 3}},
    {"hipercard", "Hipercard", hipercard_patterns, k4_8_12, len16, {"CVC", 3}},
};

}  // namespace

std::span<const CardBrand> card_brands() { return kBrands; }

}  // namespace payref
