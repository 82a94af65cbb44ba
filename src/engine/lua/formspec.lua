-- Formspecs: show_formspec is recorded per player and parsed into its
-- elements (type and arguments, escapes undone), so specs can look at the
-- GUI a player would see and submit fields back.
local core, host, private = ...

private.shown_formspecs = {}

--- Splits `text` on `separator`, honouring backslash escapes; with
--- `keep_escapes` the escapes stay in the parts (for a later split).
--- Jumps from one backslash or separator to the next (formspecs are long).
local function split_escaped(text, separator, keep_escapes)
	local parts, current, i, length = {}, {}, 1, #text
	local special = "[\\%" .. separator .. "]"
	while true do
		local at = text:find(special, i)
		if not at then
			current[#current + 1] = text:sub(i)
			break
		end
		current[#current + 1] = text:sub(i, at - 1)
		if text:byte(at) ~= 92 then
			parts[#parts + 1] = table.concat(current)
			current = {}
			i = at + 1
		elseif at < length then
			current[#current + 1] = keep_escapes and text:sub(at, at + 1) or text:sub(at + 1, at + 1)
			i = at + 2
		else
			-- A backslash ending the text escapes nothing.
			current[#current + 1] = "\\"
			i = at + 1
		end
	end
	parts[#parts + 1] = table.concat(current)
	return parts
end

--- The elements of a formspec: `{ type = "button", args = { "1,2", "2,1", "ok", "OK" } }`.
function private.parse_formspec(formspec)
	local elements = {}
	-- Elements end at an unescaped "]"; their arguments are split next.
	local raw = split_escaped(formspec, "]", true)
	for _, element in ipairs(raw) do
		local kind, body = element:match("^%s*([%w_]+)%[(.*)$")
		if kind then
			elements[#elements + 1] = { type = kind, args = split_escaped(body, ";") }
		end
	end
	return elements
end

-- Which argument holds the field name, per element type.
local NAME_ARG = {
	button = 3, button_exit = 3, image_button = 4, image_button_exit = 4, item_image_button = 4,
	field = 3, pwdfield = 3, textarea = 3, checkbox = 2, dropdown = 3, textlist = 3, scrollbar = 4,
	tabheader = 2, table = 3,
}

--- Elements by field name, for the elements that send fields.
function private.formspec_fields(elements)
	local fields = {}
	for _, element in ipairs(elements) do
		local index = NAME_ARG[element.type]
		if element.type == "field" and #element.args == 3 then
			index = 1
		end
		local name = index and element.args[index]
		if name and name ~= "" then
			fields[name] = element
		end
	end
	return fields
end

function core.show_formspec(playername, formname, formspec)
	private.shown_formspecs[playername] = {
		formname = formname,
		formspec = formspec,
		elements = private.parse_formspec(formspec),
	}
end

function core.close_formspec(playername, formname)
	local shown = private.shown_formspecs[playername]
	if shown and (formname == "" or shown.formname == formname) then
		private.shown_formspecs[playername] = nil
	end
end
