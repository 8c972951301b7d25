// The one pipeline's route registration (server/http/family.hpp): routes, 404s and 405s derived
// from a family's endpoints, in process on a plain httplib::Server with a made-up family, so that
// each rule is seen apart from any real family's handlers.
#include <boost/test/unit_test.hpp>
#include <httplib.h>

#include <memory>
#include <stdexcept>
#include <string>
#include <thread>

#include "http/family.hpp"

using payref::http::Endpoint;
using payref::http::ErrorRenderers;
using payref::http::Family;
using payref::http::RouteRefusal;

namespace {

httplib::Server::Handler answer(std::string text) {
  return [text](const httplib::Request& req, httplib::Response& res) {
    std::string body = text;
    for (std::size_t i = 1; i < req.matches.size(); ++i) body += " " + req.matches[i].str();
    res.set_content(body, "text/plain");
  };
}

// A family under /f/ whose renderer writes "<status> <message>", so a test sees that the family's
// renderer wrote the refusal and with which text.
Family test_family() {
  Family f;
  f.prefix = "/f/";
  f.methods = {"GET", "POST", "PUT", "DELETE"};
  f.render = [](const httplib::Request&, httplib::Response& res, std::string_view message) {
    res.set_content(std::to_string(res.status) + " " + std::string(message), "text/plain");
  };
  f.refusal_message = [](const httplib::Request& req, const RouteRefusal& refusal) {
    return refusal.status == 405 ? req.method + " not here; " + refusal.allow : std::string("no such path");
  };
  return f;
}

// A server with the family mounted, listening on a free port for the test's lifetime.
class Mounted {
 public:
  explicit Mounted(Family family) {
    payref::http::mount(server_, renderers_, std::move(family));
    port_ = server_.bind_to_any_port("127.0.0.1");
    // Bound and listening: a client may connect before the accept loop starts.
    thread_ = std::thread([this] { server_.listen_after_bind(); });
  }
  ~Mounted() {
    // stop() before the accept loop runs would do nothing, and join() would wait for ever.
    while (!server_.is_running()) std::this_thread::yield();
    server_.stop();
    thread_.join();
  }
  httplib::Client client() const { return httplib::Client("127.0.0.1", port_); }
  const ErrorRenderers& renderers() const { return renderers_; }

 private:
  httplib::Server server_;
  ErrorRenderers renderers_;
  int port_ = 0;
  std::thread thread_;
};

}  // namespace

BOOST_AUTO_TEST_SUITE(family_mount_tests)

BOOST_AUTO_TEST_CASE(a_literal_segment_wins_over_a_parameter_whatever_the_table_order) {
  Family f = test_family();
  f.endpoints = {{"GET", "/f/items/{}", answer("one")}, {"GET", "/f/items/query", answer("query")},
                 {"GET", "/f/items/{}/parts/{}", answer("part")}};
  Mounted m(std::move(f));
  auto c = m.client();
  BOOST_TEST(c.Get("/f/items/query")->body == "query");
  BOOST_TEST(c.Get("/f/items/42")->body == "one 42");
  BOOST_TEST(c.Get("/f/items/7/parts/x9")->body == "part 7 x9");
}

BOOST_AUTO_TEST_CASE(another_method_on_a_known_path_is_a_405_with_the_paths_methods_in_order) {
  Family f = test_family();
  f.endpoints = {{"DELETE", "/f/items/{}", answer("delete")}, {"PUT", "/f/items/{}", answer("put")},
                 {"GET", "/f/items/{}", answer("get")}, {"POST", "/f/items", answer("create")}};
  Mounted m(std::move(f));
  auto c = m.client();
  const auto post = c.Post("/f/items/1", "", "text/plain");
  BOOST_TEST(post->status == 405);
  BOOST_TEST(post->get_header_value("Allow") == "GET, PUT, DELETE");
  BOOST_TEST(post->body == "405 POST not here; GET, PUT, DELETE");
  const auto get = c.Get("/f/items");
  BOOST_TEST(get->status == 405);
  BOOST_TEST(get->get_header_value("Allow") == "POST");
  BOOST_TEST(c.Put("/f/items/1", "", "text/plain")->body == "put 1");
  // A method the family does not answer at all is not refused by the family.
  BOOST_TEST(c.Patch("/f/items/1", "", "text/plain")->status == 404);
  BOOST_TEST(c.Patch("/f/items/1", "", "text/plain")->body.empty());
}

BOOST_AUTO_TEST_CASE(a_family_without_405_answers_a_wrong_method_with_its_404) {
  Family f = test_family();
  f.documents_405 = false;
  f.endpoints = {{"POST", "/f/token", answer("token")}};
  Mounted m(std::move(f));
  const auto get = m.client().Get("/f/token");
  BOOST_TEST(get->status == 404);
  BOOST_TEST(!get->has_header("Allow"));
  BOOST_TEST(get->body == "404 no such path");
}

BOOST_AUTO_TEST_CASE(every_other_path_under_the_prefix_is_the_familys_404) {
  Family f = test_family();
  f.endpoints = {{"GET", "/f/items", answer("list")}};
  Mounted m(std::move(f));
  auto c = m.client();
  for (const char* path : {"/f", "/f/", "/f/nothing", "/f/items/1/deeper"}) {
    const auto res = c.Get(path);
    BOOST_TEST_CONTEXT(path) {
      BOOST_TEST(res->status == 404);
      BOOST_TEST(res->body == "404 no such path");
    }
  }
  BOOST_TEST(c.Delete("/f/nothing")->body == "404 no such path");
  // Outside the prefix the family answers nothing.
  BOOST_TEST(c.Get("/fx/items")->body.empty());
}

BOOST_AUTO_TEST_CASE(the_table_path_is_literal_text_and_a_trailing_slash_is_optional) {
  Family f = test_family();
  f.endpoints = {{"POST", "/f/v2.5/items/", answer("create")}};
  Mounted m(std::move(f));
  auto c = m.client();
  BOOST_TEST(c.Post("/f/v2.5/items/", "", "text/plain")->body == "create");
  BOOST_TEST(c.Post("/f/v2.5/items", "", "text/plain")->body == "create");
  BOOST_TEST(c.Post("/f/v2x5/items", "", "text/plain")->status == 404);  // "." is not any character
  BOOST_TEST(payref::http::route_pattern("/a.b/{}/c/") == "/a\\.b/([^/]+)/c/?");
}

BOOST_AUTO_TEST_CASE(before_refusal_may_answer_instead) {
  Family f = test_family();
  f.before_refusal = [](const httplib::Request& req, httplib::Response& res) {
    if (req.has_header("Authorization")) return false;
    res.status = 401;
    res.set_content("who are you", "text/plain");
    return true;
  };
  f.endpoints = {{"GET", "/f/items", answer("list")}};
  Mounted m(std::move(f));
  auto c = m.client();
  BOOST_TEST(c.Post("/f/items", "", "text/plain")->status == 401);
  BOOST_TEST(c.Get("/f/elsewhere")->body == "who are you");
  const httplib::Headers auth = {{"Authorization", "Basic eDp5"}};
  BOOST_TEST(c.Get("/f/elsewhere", auth)->status == 404);
  BOOST_TEST(c.Get("/f/items")->body == "list");  // a route itself is not gated by it
}

BOOST_AUTO_TEST_CASE(the_familys_renderer_answers_the_http_layers_errors_under_its_prefix) {
  Family f = test_family();
  f.endpoints = {{"GET", "/f/items", answer("list")}};
  Mounted m(std::move(f));
  httplib::Request req;
  httplib::Response res;
  req.path = "/f/items";
  res.status = 413;
  m.renderers().render(req, res, "too big");
  BOOST_TEST(res.body == "413 too big");
  req.path = "/elsewhere";
  res.body.clear();
  m.renderers().render(req, res, "too big");
  BOOST_TEST(res.body == R"({"Message":"too big"})");
}

BOOST_AUTO_TEST_CASE(a_table_mistake_fails_at_start_up) {
  httplib::Server server;
  ErrorRenderers renderers;
  Family twice = test_family();
  twice.endpoints = {{"GET", "/f/a", answer("1")}, {"GET", "/f/a", answer("2")}};
  BOOST_CHECK_THROW(payref::http::mount(server, renderers, std::move(twice)), std::logic_error);
  Family foreign = test_family();
  foreign.endpoints = {{"PATCH", "/f/a", answer("1")}};  // not one of the family's methods
  BOOST_CHECK_THROW(payref::http::mount(server, renderers, std::move(foreign)), std::logic_error);
}

BOOST_AUTO_TEST_SUITE_END()
