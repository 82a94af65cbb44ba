-- What the engine does with a chat line: builtin's chat-message callback,
-- registered before any mod's, runs commands (register_on_chatcommand
-- callbacks first, then the privilege check) and answers with the
-- engine's own texts; /help answers about one command. Texts measured on
-- the real 5.6.1 server (tests/engine_fidelity.rs, step_probe).
local core, host, private = ...

local S = core.get_translator("__builtin")

local function say(name, text)
	core.chat_send_player(name, text)
end

core.register_on_chat_message(function(name, message)
	if message:sub(1, 1) ~= "/" then
		return
	end
	local command, param = message:match("^/([^ ]+) *(.*)")
	if not command then
		say(name, "-!- " .. S("Empty command."))
		return true
	end
	param = param or ""
	if core.run_callbacks(core.registered_on_chatcommands, 5, name, command, param) then
		return true
	end
	local def = core.registered_chatcommands[command]
	if not def then
		say(name, "-!- " .. S("Invalid command: @1", command))
		return true
	end
	local allowed, missing = core.check_player_privs(name, def.privs)
	if not allowed then
		say(name, S("You don't have permission to run this command (missing privileges: @1).", table.concat(missing, ", ")))
		return true
	end
	core.set_last_run_mod(def.mod_origin)
	-- The engine adds the time a command took when it is over 0.1 s;
	-- mtedu does not, so that a spec's expected text never depends on
	-- the speed of the computer.
	local success, result = def.func(name, param)
	if success == false and result == nil then
		say(name, "-!- " .. S("Invalid command usage."))
		local help = core.registered_chatcommands.help
		if help then
			local _, text = help.func(name, command)
			if text then
				say(name, text)
			end
		end
	elseif result then
		say(name, result)
	end
	return true
end)

-- /help's options (-t) and arguments, as the engine splits them.
local function options_and_arguments(param)
	local options, arguments = "", {}
	for word in param:gmatch("%S+") do
		local second = word:byte(2)
		if word:byte(1) ~= 45 then
			arguments[#arguments + 1] = word
		elseif second == 45 then
			return false, S("Invalid parameters (see /help @1).", "help")
		elseif second and (second < 48 or second > 57) then
			options = options .. word:sub(2)
		else
			arguments[#arguments + 1] = word
		end
	end
	return options, arguments
end

local function help_line(command, def)
	local line = core.colorize("#00ffff", "/" .. command)
	if def.params and def.params ~= "" then
		line = line .. " " .. def.params
	end
	if def.description and def.description ~= "" then
		line = line .. ": " .. def.description
	end
	return line
end

local function allowed_lines(name, line_of)
	local lines = {}
	for command, def in pairs(core.registered_chatcommands) do
		if core.check_player_privs(name, def.privs) then
			lines[#lines + 1] = line_of(command, def)
		end
	end
	table.sort(lines)
	return lines
end

local help = core.registered_chatcommands.help
help.func = function(name, param)
	local options, arguments = options_and_arguments(param)
	if not options then
		return false, arguments
	end
	if #arguments > 1 then
		return false, S("Too many arguments, try using just /help <command>")
	end
	local in_window = core.get_player_by_name(name) and not options:find("t")
	local wanted = arguments[1]
	if (not wanted or wanted == "all") and in_window then
		core.show_general_help_formspec(name)
		return true
	elseif not wanted then
		local names = allowed_lines(name, function(command) return command end)
		return true, S("Available commands: @1", table.concat(names, " ")) .. "\n"
			.. S("Use '/help <cmd>' to get more information, or '/help all' to list everything.")
	elseif wanted == "all" then
		return true, S("Available commands:") .. "\n" .. table.concat(allowed_lines(name, help_line), "\n")
	elseif wanted == "privs" then
		if in_window then
			core.show_privs_help_formspec(name)
			return true
		end
		local lines = {}
		for priv, def in pairs(core.registered_privileges) do
			lines[#lines + 1] = priv .. ": " .. def.description
		end
		table.sort(lines)
		return true, S("Available privileges:") .. "\n" .. table.concat(lines, "\n")
	end
	local def = core.registered_chatcommands[wanted]
	if not def then
		return false, S("Command not available: @1", wanted)
	end
	return true, help_line(wanted, def)
end
