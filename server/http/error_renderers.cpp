#include "http/error_renderers.hpp"

#include <nlohmann/json.hpp>

namespace payref::http {

void ErrorRenderers::add(std::string path_prefix, ErrorRenderer renderer) {
  renderers_.emplace_back(std::move(path_prefix), std::move(renderer));
}

void ErrorRenderers::render(const httplib::Request& req, httplib::Response& res, std::string_view message) const {
  const ErrorRenderer* best = nullptr;
  std::size_t best_size = 0;
  for (const auto& [prefix, renderer] : renderers_)
    if (prefix.size() > best_size && req.path.compare(0, prefix.size(), prefix) == 0) {
      best = &renderer;
      best_size = prefix.size();
    }
  if (best) (*best)(req, res, message);
  else render_plain_error(req, res, message);
}

void render_plain_error(const httplib::Request&, httplib::Response& res, std::string_view message) {
  res.set_content(nlohmann::json{{"Message", message}}.dump(), "application/json; charset=utf-8");
}

}  // namespace payref::http
