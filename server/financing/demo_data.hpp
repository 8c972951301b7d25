// The sandbox's seeded Flexiti data (docs/financing.md "Demo accounts"): the promotional plans the
// demo merchants offer, and one account per path through the API — every account status, every
// seed-era risk rating, an account without a usable phone, one close to its limit, one that owes
// enough to reach the daily payment limit.
#pragma once

#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "payref/financing.hpp"

namespace payref::financing {

struct DemoPlan {
  int plan_id;
  std::string_view plan_name;
  OfferCategory category;
  int rate_basis_points;
  std::vector<int> terms;
  long long monthly_admin_fee_cents;  // 0: none
  long long annual_fee_cents;         // 0: none
};

struct DemoAccount {
  std::string_view account_number;  // 14 digits
  std::string_view customer_id;     // 12 digits
  std::string_view vcc_number;      // the FlexitiCard (16 digits)
  std::string_view first_name, last_name, dob;
  std::string_view email, phone_number;
  std::string_view address_1, address_2, city, postal_code, province;
  std::string_view account_status, account_status_reason_code;  // reason "" → null
  std::string_view risk_rating;
  std::string_view account_type;        // consumer | business
  std::string_view preferred_language;  // en-CA | fr-CA
  bool payment_protection;
  long long credit_limit_cents, available_credit_cents;
  int air_basis_points;
  std::vector<int> plan_ids;
  int security_qid;
  std::string_view security_question, security_answer;
};

std::span<const DemoPlan> demo_plans();
const DemoPlan* find_demo_plan(int plan_id);
std::span<const DemoAccount> demo_accounts();

// The sdk's view of a plan (for quote / amount_with_interest).
Plan to_sdk_plan(const DemoPlan& plan);

}  // namespace payref::financing
