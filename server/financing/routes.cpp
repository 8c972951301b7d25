#include "financing/routes.hpp"

namespace payref::financing {

void add_routes(httplib::Server&, const gateway::Services&) {}

nlohmann::json ensure_demo_credentials(const gateway::Services&) { return nullptr; }

}  // namespace payref::financing
