// Stand-in for drogon's application and request types (see ../README.md).
#pragma once
#include <functional>
#include <memory>
#include <string>

namespace drogon {
class HttpRequest {
public:
  const std::string &path() const;
  std::string getParameter(const std::string &key) const;
};
using HttpRequestPtr = std::shared_ptr<HttpRequest>;
class HttpResponse {
public:
  static std::shared_ptr<HttpResponse> newHttpResponse();
  void setBody(const std::string &body);
};
using HttpResponsePtr = std::shared_ptr<HttpResponse>;

class HttpAppFramework {
public:
  template <typename Function>
  HttpAppFramework &registerHandler(const std::string &pathPattern,
                                    Function &&function) {
    (void)function;
    return *this;
  }
  void run();
};
HttpAppFramework &app();
} // namespace drogon
