-- {{ say("Ce que luacheck doit savoir sur les noms globaux du jeu.", "What luacheck needs to know about the game's global names.") }}
std = "lua51+luajit"
max_line_length = false

globals = {
	"{{ modname }}",
}

read_globals = {
	"minetest",
	"core",
	"vector",
	"ItemStack",
	"dump",
{% if depends %}
	"default",
{% endif %}
	table = { fields = { "copy" } },
}

files["spec"] = {
	std = "+busted",
	read_globals = { "sim" },
}
