// placeholder: replaced when the module lands
