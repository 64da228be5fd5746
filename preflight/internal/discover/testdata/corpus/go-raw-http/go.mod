module example.com/rawcko

go 1.22
