// static test module
