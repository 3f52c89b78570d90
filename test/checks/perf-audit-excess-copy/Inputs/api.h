#pragma once
#include <string>

// Declared in a header that other translation units include.
int publish(std::string topic);
