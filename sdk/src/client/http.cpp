#include "payref/client/http.hpp"

namespace payref::client {

std::string_view to_string(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::validation: return "validation";
    case ErrorKind::declined: return "declined";
    case ErrorKind::authentication: return "authentication";
    case ErrorKind::not_found: return "not_found";
    case ErrorKind::conflict: return "conflict";
    case ErrorKind::network: return "network";
    case ErrorKind::server: return "server";
  }
  return "server";
}

}  // namespace payref::client
