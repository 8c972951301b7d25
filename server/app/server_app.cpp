#include "app/server_app.hpp"

#include "billing/routes.hpp"
#include "cms/routes.hpp"
#include "financing/demo_data.hpp"
#include "financing/routes.hpp"
#include "gateway/catalogue.hpp"
#include "gateway/routes.hpp"
#include "sandbox/demo_merchant.hpp"
#include "sandbox/demo_site.hpp"
#include "sandbox/routes.hpp"

namespace payref::app {

ServerApp::ServerApp(AppOptions options)
    : options_(std::move(options)),
      data_dir_(open_data_dir(options_.data_dir, options_.admin_token)),
      store_(std::make_unique<store::SqliteStore>(data_dir_.database())),
      vault_(std::make_unique<store::CardVault>(data_dir_.card_key)),
      clock_(options_.clock ? std::make_unique<sim::Clock>(*options_.clock) : std::make_unique<sim::Clock>()),
      services_(std::make_unique<app::Services>(app::Services{*store_, *vault_, data_dir_.hash_key, *clock_})) {
  // A worker waiting for the store's writer lends its turn to a spare one (event_server.hpp).
  store_->set_wait_notice({&http::EventServer::worker_waiting, &http::EventServer::worker_resumed});
  gateway::ensure_catalogue(*store_);
  demo_credentials_ = sandbox::ensure_demo_credentials(*services_);
  error_renderers_.add("/_sandbox/", sandbox::render_http_error);
  http::Pipeline pipeline;
  pipeline.api_prefixes = {"/api/", "/2.1.28/REST/", "/flexiti/"};  // the four families: CORS applies there
  pipeline.errors = &error_renderers_;
  pipeline.log = &request_log_;
  pipeline.now = [clock = clock_.get()] { return sim::format_iso8601(clock->now()); };
  pipeline.log_lines_dropped = options_.log_lines_dropped;
  http::configure(server_, options_.http, std::move(pipeline));
  // The four families, each through the one pipeline (http/family.hpp), its error renderer
  // registered for its prefix by mount().
  http::mount(server_, error_renderers_, gateway::routes(*services_));
  http::mount(server_, error_renderers_, billing::routes(*services_));
  http::mount(server_, error_renderers_, cms::routes(*services_));
  http::mount(server_, error_renderers_, financing::routes(*services_));
  sandbox::add_routes(server_, *services_, request_log_, data_dir_.admin_token);
  if (options_.demo_dir)
    serves_demo_ = sandbox::add_demo_site(server_, {*options_.demo_dir, options_.package_dir.value_or("npm/dist")},
                                          {{"id", demo_credentials_["gateway"]["Authentication"]["Id"]},
                                           {"key", demo_credentials_["gateway"]["Authentication"]["Key"]}},
                                          // The first demo account (Ada Lovelace): status N, 5,000.00 available, every plan.
                                          {{"clientId", demo_credentials_["financing"]["client_id"]},
                                           {"clientSecret", demo_credentials_["financing"]["client_secret"]},
                                           {"accountNumber", std::string(financing::demo_accounts().front().account_number)}});
}

ServerApp::~ServerApp() = default;

int ServerApp::bind() { return http::bind(server_, options_.http); }
void ServerApp::listen() { server_.listen_after_bind(); }
void ServerApp::stop() { server_.stop(); }

}  // namespace payref::app
