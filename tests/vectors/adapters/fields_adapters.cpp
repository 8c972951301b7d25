#include "vector_adapters.hpp"

namespace payref::vectors {

void add_fields_adapters(AdapterTable&) {}  // placeholder: being written

}  // namespace payref::vectors
