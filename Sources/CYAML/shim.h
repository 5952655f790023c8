#ifndef FOKUS_CYAML_SHIM_H
#define FOKUS_CYAML_SHIM_H
#include <yaml.h>
#endif
