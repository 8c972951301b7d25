// Data only: see demo_data.hpp. Changing an entry changes docs/financing.md "Demo accounts".
#include "financing/demo_data.hpp"

namespace payref::financing {

namespace {

const std::vector<DemoPlan> kPlans = {
    {5, "0% equal payments, $3.00/month admin fee", OfferCategory::equal_billing, 0, {6, 12}, 300, 0},
    {7, "9.99% equal payments", OfferCategory::equal_billing, 999, {3, 6}, 0, 0},
    {9, "No interest, no payments (deferred)", OfferCategory::deferred_payment, 0, {6, 12}, 0, 2500},
    {11, "19.99% equal payments", OfferCategory::equal_billing, 1999, {24, 36}, 0, 0},
};

// Columns: account, customer, VCC, first, last, dob, email, phone, address 1, address 2, city,
// postal code, province, status, reason, risk, type, language, payment protection, credit limit,
// available, AIR, plans, security question id, question, answer.
const std::vector<DemoAccount> kAccounts = {
    {"30000000000001", "100000000001", "6048730000000001", "Ada", "Lovelace", "1985-12-10", "ada@payref.test", "4165550101",
     "100 King St W", "Suite 200", "Toronto", "M5X 1A9", "ON", "N", "NNOR", "L", "consumer", "en-CA", true, 500000, 500000,
     2999, {5, 7, 9, 11}, 101, "What was the name of your first pet?", "rex"},
    {"30000000000002", "100000000002", "6048730000000002", "Grace", "Hopper", "1986-12-09", "grace@payref.test", "5145550102",
     "1 Rue Sainte-Catherine", "", "Montreal", "H2X 1Y4", "QC", "N", "NNOR", "M", "consumer", "fr-CA", false, 100000, 100000,
     2999, {5, 9}, 102, "In what city were you born?", "new york"},
    {"30000000000003", "100000000003", "6048730000000003", "Alan", "Turing", "1982-06-23", "alan@payref.test", "6045550103",
     "555 W Hastings St", "", "Vancouver", "V6B 4N6", "BC", "N", "NNOR", "H", "consumer", "en-CA", false, 300000, 25000,
     3399, {5, 7, 11}, 103, "What is your favourite book?", "computable numbers"},
    {"30000000000004", "100000000004", "6048730000000004", "Katherine", "Johnson", "1988-08-26", "katherine@payref.test", "",
     "10 Barrington St", "", "Halifax", "B3J 1Y9", "NS", "N", "NNOR", "XH", "business", "en-CA", false, 200000, 200000,
     3399, {5, 7, 11}, 104, "What was your first car?", "mustang"},
    {"30000000000005", "100000000005", "6048730000000005", "Edsger", "Dijkstra", "1980-05-11", "edsger@payref.test", "4035550105",
     "200 8 Ave SW", "", "Calgary", "T2P 1B5", "AB", "N", "NNOR", "XXH", "consumer", "en-CA", false, 150000, 150000,
     3999, {7, 11}, 105, "What street did you grow up on?", "goto"},
    {"30000000000006", "100000000006", "6048730000000006", "Barbara", "Liskov", "1989-11-07", "barbara@payref.test", "2045550106",
     "300 Portage Ave", "", "Winnipeg", "R3C 0B9", "MB", "N", "NNOR", "XXXH", "consumer", "en-CA", false, 100000, 100000,
     4499, {11}, 106, "What was your school's mascot?", "substitution"},
    {"30000000000007", "100000000007", "6048730000000007", "Margaret", "Hamilton", "1986-08-17", "margaret@payref.test",
     "6135550107", "50 Sparks St", "", "Ottawa", "K1P 5A9", "ON", "N", "NNOR", "L", "consumer", "en-CA", false, 2000000, 200000,
     2999, {5, 7, 9, 11}, 107, "What was the name of your first pet?", "apollo"},
    {"30000000000008", "100000000008", "6048730000000008", "Charles", "Babbage", "1981-12-26", "charles@payref.test", "3065550108",
     "2000 Victoria Ave", "", "Regina", "S4P 0S5", "SK", "A", "AAUT", "M", "consumer", "en-CA", false, 300000, 120000, 2999,
     {5, 7}, 108, "What is your mother's maiden name?", "teat"},
    {"30000000000009", "100000000009", "6048730000000009", "John", "Backus", "1984-12-03", "john@payref.test", "5065550109",
     "15 King St", "", "Saint John", "E2L 1G5", "NB", "F", "FFRD", "H", "consumer", "en-CA", false, 300000, 300000, 3399,
     {5, 7}, 109, "What is your favourite language?", "fortran"},
    {"30000000000010", "100000000010", "6048730000000010", "Dennis", "Ritchie", "1981-09-09", "dennis@payref.test", "7095550110",
     "100 Water St", "", "St. John's", "A1C 1A1", "NL", "Z", "ZCCO", "XH", "consumer", "en-CA", false, 200000, 0, 3399,
     {7}, 110, "What is your favourite letter?", "c"},
    {"30000000000011", "100000000011", "6048730000000011", "Frances", "Allen", "1982-08-04", "frances@payref.test", "9025550111",
     "97 Queen St", "", "Charlottetown", "C1A 4A8", "PE", "C", "", "M", "consumer", "en-CA", false, 100000, 100000, 2999, {5},
     111, "What is your favourite compiler?", "ptran"},
};

}  // namespace

std::span<const DemoPlan> demo_plans() { return kPlans; }

const DemoPlan* find_demo_plan(int plan_id) {
  for (const auto& p : kPlans)
    if (p.plan_id == plan_id) return &p;
  return nullptr;
}

std::span<const DemoAccount> demo_accounts() { return kAccounts; }

Plan to_sdk_plan(const DemoPlan& p) {
  Plan plan;
  plan.plan_id = p.plan_id;
  plan.plan_name = std::string(p.plan_name);
  plan.category = p.category;
  plan.rate_basis_points = p.rate_basis_points;
  plan.terms = p.terms;
  if (p.monthly_admin_fee_cents > 0) plan.monthly_admin_fee = Money::from_minor(p.monthly_admin_fee_cents, "CAD").value();
  if (p.annual_fee_cents > 0) plan.annual_fee = Money::from_minor(p.annual_fee_cents, "CAD").value();
  return plan;
}

}  // namespace payref::financing
