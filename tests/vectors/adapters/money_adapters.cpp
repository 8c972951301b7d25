#include "vector_adapters.hpp"

namespace payref::vectors {

void add_money_adapters(AdapterTable&) {}  // placeholder: being written

}  // namespace payref::vectors
