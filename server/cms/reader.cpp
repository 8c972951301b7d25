#include "cms/reader.hpp"

#include <cmath>
#include <cstdio>

#include "payref/schedule.hpp"

namespace payref::cms {

namespace {

bool digits(std::string_view s, std::size_t from, std::size_t count) {
  if (from + count > s.size()) return false;
  for (std::size_t i = from; i < from + count; ++i)
    if (s[i] < '0' || s[i] > '9') return false;
  return true;
}

int number_at(std::string_view s, std::size_t from, std::size_t count) {
  int n = 0;
  for (std::size_t i = from; i < from + count; ++i) n = n * 10 + (s[i] - '0');
  return n;
}

std::string type_name(const nlohmann::json& v) {
  if (v.is_string()) return "a string";
  if (v.is_boolean()) return "a boolean";
  if (v.is_number()) return "a number";
  if (v.is_array()) return "an array";
  if (v.is_object()) return "an object";
  return "null";
}

}  // namespace

std::optional<WireDateTime> parse_wire_datetime(std::string_view s) {
  // YYYY-MM-DDTHH:MM:SS[.f{1,7}][Z|±HH:MM]
  if (s.size() < 19 || s[10] != 'T' || s[13] != ':' || s[16] != ':') return std::nullopt;
  const auto day = parse_iso_date(s.substr(0, 10));
  if (!day || !digits(s, 11, 2) || !digits(s, 14, 2) || !digits(s, 17, 2)) return std::nullopt;
  const int hh = number_at(s, 11, 2), mm = number_at(s, 14, 2), ss = number_at(s, 17, 2);
  if (hh > 23 || mm > 59 || ss > 59) return std::nullopt;
  std::size_t i = 19;
  int millis = 0;
  if (i < s.size() && s[i] == '.') {
    const std::size_t start = ++i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
    const std::size_t n = i - start;
    if (n < 1 || n > 7) return std::nullopt;
    for (std::size_t k = 0; k < 3; ++k) millis = millis * 10 + (k < n ? s[start + k] - '0' : 0);
  }
  int offset_minutes = 0;
  if (i < s.size() && s[i] == 'Z') {
    ++i;
  } else if (i < s.size() && (s[i] == '+' || s[i] == '-')) {
    if (i + 6 != s.size() || !digits(s, i + 1, 2) || s[i + 3] != ':' || !digits(s, i + 4, 2)) return std::nullopt;
    const int oh = number_at(s, i + 1, 2), om = number_at(s, i + 4, 2);
    if (oh > 14 || om > 59) return std::nullopt;
    offset_minutes = (oh * 60 + om) * (s[i] == '-' ? -1 : 1);
    i += 6;
  }
  if (i != s.size()) return std::nullopt;
  // UTC = local − offset.
  long minutes = static_cast<long>(hh) * 60 + mm - offset_minutes;
  int day_shift = 0;
  while (minutes < 0) minutes += 1440, --day_shift;
  while (minutes >= 1440) minutes -= 1440, ++day_shift;
  const CalendarDate utc = add_days(*day, day_shift);
  if (utc.year < 1900 || utc.year > 9999) return std::nullopt;
  char buf[40];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02ld:%02ld:%02d", utc.year, utc.month, utc.day, minutes / 60, minutes % 60, ss);
  std::string text = buf;
  if (millis > 0) {
    std::snprintf(buf, sizeof buf, ".%03d", millis);
    std::string fraction = buf;
    while (fraction.back() == '0') fraction.pop_back();
    text += fraction;
  }
  return WireDateTime{text, utc};
}

std::string on_day(const std::string& wire_text, CalendarDate day) {
  const std::string time = wire_text.size() > 10 ? wire_text.substr(10) : std::string("T00:00:00");
  return to_iso_string(day) + time;
}

namespace {

const char* kind_words(fields::Kind kind) {
  switch (kind) {
    case fields::Kind::string: return "a string";
    case fields::Kind::number:
    case fields::Kind::whole_number: return "a number";
    case fields::Kind::boolean: return "true or false";
    case fields::Kind::object: return "an object";
    case fields::Kind::array: return "an array";
    case fields::Kind::date_time: return "a date-time string";
  }
  return "a value";
}

// CMS collects every problem: one ErrorResponse lists them all.
std::shared_ptr<const fields::Policy> collecting_into(std::vector<ValidationError>& errors) {
  auto policy = std::make_shared<fields::Policy>();
  policy->report = [&errors](const fields::Problem& p) { errors.push_back({p.path, p.reason, "Property '" + p.path + "' " + p.message}); };
  policy->required = [](const std::string& path) { return fields::Problem{path, "field.required", "is required.", nullptr}; };
  policy->wrong_kind = [](const std::string& path, fields::Kind expected, const nlohmann::json& v) {
    return fields::Problem{path, "field.wrong_type", std::string("must be ") + kind_words(expected) + ", not " + type_name(v) + ".", nullptr};
  };
  return policy;
}

}  // namespace

Reader::Reader(const nlohmann::json& object, std::string path, std::vector<ValidationError>& errors)
    : fields::Reader(object, std::move(path), collecting_into(errors)) {}

std::optional<std::string> Reader::text(const std::string& key, std::size_t max_length, bool required) const {
  const auto* v = typed(key, required, &nlohmann::json::is_string, fields::Kind::string);
  if (!v) return std::nullopt;
  const auto& s = v->get_ref<const std::string&>();
  if (s.empty() && required) {
    report_required(key);
    return std::nullopt;
  }
  if (s.size() > max_length) {
    error(key, "field.too_long", "must be at most " + std::to_string(max_length) + " characters.");
    return std::nullopt;
  }
  return s;
}

std::optional<std::string> Reader::one_of(const std::string& key, const std::vector<std::string>& allowed, bool required) const {
  const auto s = text(key, 64, required);
  if (!s) return std::nullopt;
  for (const auto& a : allowed)
    if (a == *s) return s;
  std::string list;
  for (const auto& a : allowed) list += (list.empty() ? "" : ", ") + a;
  error(key, "field.not_allowed", "must be one of " + list + ".");
  return std::nullopt;
}

std::optional<int> Reader::integer(const std::string& key, int min, int max, bool required) const {
  const auto* v = field(key, required);
  if (!v) return std::nullopt;
  const std::string range = "must be a whole number from " + std::to_string(min) + " to " + std::to_string(max) + ".";
  if (!v->is_number_integer()) {
    if (v->is_number()) error(key, "field.out_of_range", range);
    else report_wrong_kind(key, fields::Kind::whole_number, *v);
    return std::nullopt;
  }
  if (v->is_number_unsigned() ? v->get<std::uint64_t>() > static_cast<std::uint64_t>(max)
                              : (v->get<std::int64_t>() < min || v->get<std::int64_t>() > max)) {
    error(key, "field.out_of_range", range);
    return std::nullopt;
  }
  const auto n = static_cast<int>(v->get<std::int64_t>());
  if (n < min) {
    error(key, "field.out_of_range", range);
    return std::nullopt;
  }
  return n;
}

std::optional<bool> Reader::boolean(const std::string& key, bool required) const {
  const auto* v = typed(key, required, &nlohmann::json::is_boolean, fields::Kind::boolean);
  if (!v) return std::nullopt;
  return v->get<bool>();
}

std::optional<Money> Reader::amount(const std::string& key, const std::string& currency, bool required, bool allow_zero) const {
  const auto* v = typed(key, required, &nlohmann::json::is_number, fields::Kind::number);
  if (!v) return std::nullopt;
  if (currency.empty()) return std::nullopt;  // the currency's own error is reported already
  const auto money = parse_money(v->dump(), currency, MoneyParseOptions{false, allow_zero});
  if (!money) {
    const auto& st = money.status();
    error(key, st.reason(), (st.message().empty() ? std::string("is not a valid amount in ") + currency : st.message()) + ".");
    return std::nullopt;
  }
  return *money;
}

std::optional<double> Reader::non_negative_number(const std::string& key, bool required) const {
  const auto* v = typed(key, required, &nlohmann::json::is_number, fields::Kind::number);
  if (!v) return std::nullopt;
  const double d = v->get<double>();
  if (!std::isfinite(d) || d < 0 || d > 1e9) {
    error(key, "field.out_of_range", "must be a number of at least 0.");
    return std::nullopt;
  }
  return d;
}

std::optional<WireDateTime> Reader::datetime(const std::string& key, bool required) const {
  const auto* v = typed(key, required, &nlohmann::json::is_string, fields::Kind::date_time);
  if (!v) return std::nullopt;
  auto parsed = parse_wire_datetime(v->get_ref<const std::string&>());
  if (!parsed) error(key, "datetime.malformed", "must be a date-time such as 2017-03-27T00:00:00-06:00.");
  return parsed;
}

std::optional<Reader> Reader::object(const std::string& key, bool required) const {
  const auto* v = typed(key, required, &nlohmann::json::is_object, fields::Kind::object);
  if (!v) return std::nullopt;
  return Reader(nested(*v, key));
}

std::optional<std::vector<Reader>> Reader::objects(const std::string& key, std::size_t max_items) const {
  const auto* v = typed(key, false, &nlohmann::json::is_array, fields::Kind::array);
  if (!v) return std::nullopt;
  if (v->size() > max_items) {
    error(key, "field.too_long", "must have at most " + std::to_string(max_items) + " items.");
    return std::nullopt;
  }
  std::vector<Reader> out;
  for (std::size_t i = 0; i < v->size(); ++i) {
    const std::string item = key + "[" + std::to_string(i) + "]";
    if (!(*v)[i].is_object()) {
      report_wrong_kind(item, fields::Kind::object, (*v)[i]);
      continue;
    }
    out.push_back(Reader(nested((*v)[i], item)));
  }
  return out;
}

double wire_number(const Money& money) {
  double scale = 1;
  for (int i = 0; i < money.currency().exponent; ++i) scale *= 10;
  return static_cast<double>(money.minor_units()) / scale;
}

double wire_number(const std::string& decimal_text, const std::string& currency) {
  const auto money = parse_money(decimal_text, currency, MoneyParseOptions{true, true});
  return money ? wire_number(*money) : 0.0;
}

}  // namespace payref::cms
