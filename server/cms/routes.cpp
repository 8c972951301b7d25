#include "cms/routes.hpp"

namespace payref::cms {

void add_routes(httplib::Server&, const gateway::Services&) {}

nlohmann::json ensure_demo_credentials(const gateway::Services&) { return nullptr; }

std::size_t run_due(const gateway::Services&, nlohmann::json&, std::size_t) { return 0; }
}  // namespace payref::cms
