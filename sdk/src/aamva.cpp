// Placeholder until the implementation lands (issue 5): every code is refused.
#include "payref/aamva.hpp"

namespace payref::aamva {

Result<Licence> decode(std::string_view) { return Status(StatusCode::internal, "aamva.not_implemented", "", "not implemented yet"); }

}  // namespace payref::aamva
