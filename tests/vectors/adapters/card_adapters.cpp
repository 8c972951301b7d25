#include "vector_adapters.hpp"

namespace payref::vectors {

void add_card_adapters(AdapterTable&) {}  // placeholder: being written

}  // namespace payref::vectors
